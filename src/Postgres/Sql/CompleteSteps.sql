-- Transitions: succeed (docs/run-states.md#succeed), succeed last (#succeed-last), leave at an unknown step (#leave-at-an-unknown-step), succeed into a limit (#succeed-into-a-limit), sleep (#sleep), retry (#retry), snooze (#snooze), fail (#fail), permanent fail (#permanent-fail), wait (#wait), wait for event (#wait-for-event).
-- Writes the outcome of many step attempts in one statement (one commit): the run moves on, the checkpoint of a
-- succeeded step is inserted, and every attempt is recorded. Each row is matched by its position in the batch,
-- never by run id alone, so that two outcomes of one run in one batch (a stale attempt beside the current one)
-- cannot take each other's place. A row whose lease token, step or attempt no longer matches the run was
-- overtaken (another claim, a cancel): its run and checkpoint are left alone and its attempt is recorded as
-- superseded, unless a cancel already recorded that attempt. A row whose completion id the run already holds was
-- committed by an earlier write whose reply was lost: it is reported committed and written nothing again. An
-- attempt is recorded once: a row written again after a lost reply, when the run has moved on since (another
-- worker ended it), finds the row its earlier write left (this worker's, with its outcome or as superseded) and
-- adds none. A worker makes one outcome per attempt of a step, so that row can be no other attempt's.
-- A row whose next status is 'waiting' parks the run at its step without a lease, with the child runs it waits
-- for (@awaited: a uuid[] literal per row), and writes no checkpoint yet: the checkpoint of that step is written
-- when the woken step commits its children's results. A 'waiting' row with an event name (@awaited_events) parks
-- the run for that event instead, until @event_timeouts after now (TakeEvents.sql then takes an event kept for it).
-- Any other row clears the children and the event the run waited for.
-- A succeeded row with a next step name moves the run on to that step: 'running' when this worker goes on with it,
-- 'pending' (due after its retry delay, zero) when the run was started with steps this worker lacks: its
-- checkpoint is written and the run waits at its next step for a worker that knows that step.
-- A pending row is due at the later of its retry delay after now and its wake time (@wake_ats, a step's DelayUntil),
-- with @sleeps saying why when it is a sleep or a snooze. A succeeded row with a next step name and a delay sleeps
-- at that next step. A 'snoozed' row leaves the run at its step, pending, with its attempt counter one lower (the
-- snoozed attempt is not counted, as a release does) and its snooze count one higher; a step change sets it to 0.
-- RETURNING lists the positions (from 1) of the rows that are committed. Times come from the database's clock.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
c AS (
    SELECT *
    FROM unnest(@completion_ids::uuid[], @run_ids::uuid[], @lease_tokens::uuid[], @step_indexes::integer[], @step_names::text[],
                @attempts::integer[], @executions::integer[], @outcomes::text[], @outputs::text[], @next_statuses::text[],
                @next_step_names::text[], @retry_delays::interval[], @run_errors::text[], @durations::double precision[],
                @error_types::text[], @error_messages::text[], @error_stacks::text[], @logs::text[], @awaited::text[],
                @wake_ats::timestamptz[], @sleeps::text[], @awaited_events::text[], @event_timeouts::interval[])
         WITH ORDINALITY
         AS c(completion_id, run_id, lease_token, step_index, step_name, attempt, execution,
              outcome, output, next_status, next_step_name, retry_delay, run_error,
              duration_ms, error_type, error_message, error_stack, logs, awaited, wake_at, sleep,
              awaited_event, event_timeout, ord)
),
-- Each row's run is locked in id order, as lease renewal and release lock them, so that none of them deadlock, and
-- the row is judged against the run as locked: already committed, or the run's current attempt (fresh). The rows
-- carry their own columns on, so that no later step joins two row sets, whose sizes a prepared plan cannot know.
locked AS (
    SELECT c.*,
           COALESCE(r.completion_id = c.completion_id, false) AS already,
           COALESCE(r.status = 'running'
                    AND r.lease_token = c.lease_token
                    AND r.step_index = c.step_index
                    AND r.attempt = c.attempt
                    AND r.completion_id IS DISTINCT FROM c.completion_id, false) AS fresh
    FROM c JOIN {schema}.runs AS r ON r.id = c.run_id
    ORDER BY r.id
    FOR UPDATE OF r
),
updated AS (
    UPDATE {schema}.runs AS r
    SET status = f.next_status,
        step_index = CASE WHEN f.next_status = 'running' OR f.next_step_name IS NOT NULL THEN f.step_index + 1 ELSE f.step_index END,
        step_name = COALESCE(f.next_step_name, r.step_name),
        attempt = CASE WHEN f.next_status = 'running' THEN 1 WHEN f.next_step_name IS NOT NULL THEN 0
                       WHEN f.outcome = 'snoozed' THEN GREATEST(r.attempt - 1, 0) ELSE r.attempt END,
        snoozes = CASE WHEN f.outcome = 'snoozed' THEN r.snoozes + 1
                       WHEN f.next_status = 'running' OR f.next_step_name IS NOT NULL THEN 0 ELSE r.snoozes END,
        sleep = f.sleep,
        result = CASE WHEN f.next_status = 'succeeded' THEN f.output::jsonb END,
        error = f.run_error,
        next_attempt_at = CASE WHEN f.next_status = 'pending'
                               THEN GREATEST(clock.now + f.retry_delay, COALESCE(f.wake_at, clock.now)) END,
        attempt_started_at = CASE WHEN f.next_status = 'running' THEN clock.now END,
        completed_at = CASE WHEN f.next_status IN ('succeeded', 'failed') THEN clock.now END,
        lease_owner = CASE WHEN f.next_status = 'running' THEN r.lease_owner END,
        lease_token = CASE WHEN f.next_status = 'running' THEN r.lease_token END,
        lease_expires_at = CASE WHEN f.next_status = 'running' THEN r.lease_expires_at END,
        completion_id = f.completion_id,
        awaited_runs = CASE WHEN f.next_status = 'waiting' THEN f.awaited::uuid[] END,
        awaited_event = CASE WHEN f.next_status = 'waiting' THEN f.awaited_event END,
        event_timeout_at = CASE WHEN f.next_status = 'waiting' THEN clock.now + f.event_timeout END,
        updated_at = clock.now
    FROM locked AS f, clock
    WHERE r.id = f.run_id
      AND f.fresh
    RETURNING f.ord, f.run_id, f.step_index, f.step_name, f.output, f.attempt, f.outcome, f.next_status
),
checkpointed AS (
    INSERT INTO {schema}.checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
    SELECT u.run_id, u.step_index, u.step_name, u.output::jsonb, u.attempt, clock.now
    FROM updated AS u, clock
    WHERE u.outcome = 'succeeded'
      AND u.next_status <> 'waiting'
),
-- Positions are looked up in arrays (at most one batch long) rather than joined, for the same reason.
verdict AS (
    SELECT ARRAY(SELECT ord FROM updated) AS updated,
           ARRAY(SELECT ord FROM locked WHERE already) AS already
),
recorded AS (
    INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                                   duration_ms, outcome, error_type, error_message, error_stack, logs)
    SELECT c.run_id, c.step_index, c.step_name, c.attempt, c.execution, @worker,
           clock.now - make_interval(secs => c.duration_ms / 1000), c.duration_ms,
           CASE WHEN c.ord = ANY (v.updated) THEN c.outcome ELSE 'superseded' END,
           c.error_type, c.error_message, c.error_stack, c.logs::jsonb
    FROM c, clock, verdict AS v
    WHERE c.ord <> ALL (v.already)
      AND (c.ord = ANY (v.updated)
           OR NOT EXISTS (SELECT 1 FROM {schema}.attempts AS a
                          WHERE a.run_id = c.run_id
                            AND a.step_index = c.step_index
                            AND a.attempt = c.attempt
                            AND COALESCE(a.execution, c.execution) = c.execution
                            AND (a.outcome = 'cancelled'
                                 OR (a.worker = @worker AND a.outcome IN (c.outcome, 'superseded')))))
)
SELECT ord FROM updated
UNION ALL
SELECT ord FROM locked WHERE already;
