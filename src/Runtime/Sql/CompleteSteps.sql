-- Writes the outcome of many step attempts in one statement (one commit): the run moves on, the checkpoint of a
-- succeeded step is inserted, and every attempt is recorded. Each row is matched by its position in the batch,
-- never by run id alone, so that two outcomes of one run in one batch (a stale attempt beside the current one)
-- cannot take each other's place. A row whose lease token, step or attempt no longer matches the run was
-- overtaken (another claim, a cancel): its run and checkpoint are left alone and its attempt is recorded as
-- superseded, unless a cancel already recorded that attempt. A row whose completion id the run already holds was
-- committed by an earlier write whose reply was lost: it is reported committed and written nothing again.
-- A row whose next status is 'waiting' parks the run at its step without a lease, with the child runs it waits
-- for (@awaited: a uuid[] literal per row), and writes no checkpoint yet: the checkpoint of that step is written
-- when the woken step commits its children's results. Any other row clears the children the run waited for.
-- RETURNING lists the positions (from 1) of the rows that are committed. Times come from the database's clock.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
c AS (
    SELECT *
    FROM unnest(@completion_ids, @run_ids, @lease_tokens, @step_indexes, @step_names, @attempts, @executions,
                @outcomes, @outputs, @next_statuses, @next_step_names, @retry_delays, @run_errors,
                @durations, @error_types, @error_messages, @error_stacks, @logs, @awaited)
         WITH ORDINALITY
         AS c(completion_id, run_id, lease_token, step_index, step_name, attempt, execution,
              outcome, output, next_status, next_step_name, retry_delay, run_error,
              duration_ms, error_type, error_message, error_stack, logs, awaited, ord)
),
-- Runs are locked in id order, as lease renewal and release lock them, so that none of them deadlock.
locked AS (
    SELECT r.id, r.status, r.lease_token, r.step_index, r.attempt, r.completion_id
    FROM {schema}.runs AS r
    WHERE r.id IN (SELECT run_id FROM c)
    ORDER BY r.id
    FOR UPDATE
),
already AS (
    SELECT c.ord
    FROM c JOIN locked AS l ON l.id = c.run_id AND l.completion_id = c.completion_id
),
fresh AS (
    SELECT c.*
    FROM c JOIN locked AS l ON l.id = c.run_id
    WHERE l.status = 'running'
      AND l.lease_token = c.lease_token
      AND l.step_index = c.step_index
      AND l.attempt = c.attempt
      AND l.completion_id IS DISTINCT FROM c.completion_id
),
updated AS (
    UPDATE {schema}.runs AS r
    SET status = f.next_status,
        step_index = CASE WHEN f.next_status = 'running' THEN f.step_index + 1 ELSE f.step_index END,
        step_name = COALESCE(f.next_step_name, r.step_name),
        attempt = CASE WHEN f.next_status = 'running' THEN 1 ELSE r.attempt END,
        result = CASE WHEN f.next_status = 'succeeded' THEN f.output::jsonb END,
        error = f.run_error,
        next_attempt_at = CASE WHEN f.next_status = 'pending' THEN clock.now + f.retry_delay END,
        attempt_started_at = CASE WHEN f.next_status = 'running' THEN clock.now END,
        completed_at = CASE WHEN f.next_status IN ('succeeded', 'failed') THEN clock.now END,
        lease_owner = CASE WHEN f.next_status = 'running' THEN r.lease_owner END,
        lease_token = CASE WHEN f.next_status = 'running' THEN r.lease_token END,
        lease_expires_at = CASE WHEN f.next_status = 'running' THEN r.lease_expires_at END,
        completion_id = f.completion_id,
        awaited_runs = CASE WHEN f.next_status = 'waiting' THEN f.awaited::uuid[] END,
        updated_at = clock.now
    FROM fresh AS f, clock
    WHERE r.id = f.run_id
    RETURNING f.ord
),
checkpointed AS (
    INSERT INTO {schema}.checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
    SELECT c.run_id, c.step_index, c.step_name, c.output::jsonb, c.attempt, clock.now
    FROM c JOIN updated AS u ON u.ord = c.ord, clock
    WHERE c.outcome = 'succeeded'
      AND c.next_status <> 'waiting'
),
recorded AS (
    INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                                   duration_ms, outcome, error_type, error_message, error_stack, logs)
    SELECT c.run_id, c.step_index, c.step_name, c.attempt, c.execution, @worker,
           clock.now - make_interval(secs => c.duration_ms / 1000), c.duration_ms,
           CASE WHEN u.ord IS NULL THEN 'superseded' ELSE c.outcome END,
           c.error_type, c.error_message, c.error_stack, c.logs::jsonb
    FROM c CROSS JOIN clock LEFT JOIN updated AS u ON u.ord = c.ord
    WHERE c.ord NOT IN (SELECT ord FROM already)
      AND (u.ord IS NOT NULL
           OR NOT EXISTS (SELECT 1 FROM {schema}.attempts AS a
                          WHERE a.run_id = c.run_id
                            AND a.step_index = c.step_index
                            AND a.attempt = c.attempt
                            AND COALESCE(a.execution, c.execution) = c.execution
                            AND a.outcome = 'cancelled'))
)
SELECT ord FROM updated
UNION ALL
SELECT ord FROM already;
