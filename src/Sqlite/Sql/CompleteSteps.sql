-- Transitions: succeed (docs/run-states.md#succeed), succeed last (#succeed-last), leave at an unknown step (#leave-at-an-unknown-step), succeed into a limit (#succeed-into-a-limit), retry (#retry), fail (#fail), permanent fail (#permanent-fail), wait (#wait), sleep (#sleep), snooze (#snooze), wait for event (#wait-for-event).
-- Moves a run on with the outcome of one attempt, only while the run is still held with that lease token at that
-- step and attempt (else another claim or a cancel overtook it, and nothing is written here). A next status of
-- 'waiting' parks the run at its step without a lease, with the children it waits for (@awaited, a JSON array of
-- ids), or, with @awaited_event, for that event until @event_timeout_ms after now; any other clears them. A
-- succeeded outcome with a next step name moves the run on to that step: 'running' when this worker goes on with it,
-- 'pending' (due after its retry delay, zero) when the run was started with steps this worker lacks, so that it
-- waits at its next step for a worker that knows it. A pending run is due at the later of its retry delay after @now
-- and @wake_at (a step's DelayUntil), with @sleep saying why when it sleeps or snoozed: a next step name with a delay
-- is a sleep before that step. A 'snoozed' outcome leaves the run at its step with its attempt counter one lower (not
-- counted, as a release does) and its snooze count one higher; a step change sets it to 0. Returns the run id when
-- written.
UPDATE runs
SET status = @next_status,
    step_index = CASE WHEN @next_status = 'running' OR @next_step_name IS NOT NULL THEN @step_index + 1 ELSE @step_index END,
    step_name = COALESCE(@next_step_name, step_name),
    attempt = CASE WHEN @next_status = 'running' THEN 1 WHEN @next_step_name IS NOT NULL THEN 0
                   WHEN @outcome = 'snoozed' THEN max(attempt - 1, 0) ELSE attempt END,
    snoozes = CASE WHEN @outcome = 'snoozed' THEN snoozes + 1
                   WHEN @next_status = 'running' OR @next_step_name IS NOT NULL THEN 0 ELSE snoozes END,
    sleep = @sleep,
    result = CASE WHEN @next_status = 'succeeded' THEN json(@output) END,
    error = @run_error,
    next_attempt_at = CASE WHEN @next_status = 'pending' THEN max(@now + @retry_delay_ms, COALESCE(@wake_at, @now)) END,
    attempt_started_at = CASE WHEN @next_status = 'running' THEN @now END,
    completed_at = CASE WHEN @next_status IN ('succeeded', 'failed') THEN @now END,
    lease_owner = CASE WHEN @next_status = 'running' THEN lease_owner END,
    lease_token = CASE WHEN @next_status = 'running' THEN lease_token END,
    lease_expires_at = CASE WHEN @next_status = 'running' THEN lease_expires_at END,
    completion_id = @completion_id,
    awaited_runs = CASE WHEN @next_status = 'waiting' THEN @awaited END,
    awaited_event = CASE WHEN @next_status = 'waiting' THEN @awaited_event END,
    event_timeout_at = CASE WHEN @next_status = 'waiting' THEN @now + @event_timeout_ms END,
    updated_at = @now
WHERE id = @run_id
  AND status = 'running'
  AND lease_token = @lease_token
  AND step_index = @step_index
  AND attempt = @attempt
  AND completion_id IS NOT @completion_id
RETURNING id;
