-- Transition: deadline (docs/run-states.md#deadline).
-- Fails a pending, running or waiting run whose deadline has passed, without an attempt of user code: its status
-- and lease token are read first (the worker running it is told, and its late outcome is refused), the attempt it
-- was running is recorded as failed with DeadlineExceededException, and it loses its lease. The waits this ends
-- are ended by WakeWaitingRuns and its descendants cancelled (CancelRun), after this, in the same transaction.
SELECT workflow, status, lease_token
FROM runs
WHERE id = @id
  AND status IN ('pending', 'running', 'waiting')
  AND deadline_at <= @now;

INSERT INTO attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                      duration_ms, outcome, error_type, error_message)
SELECT id, step_index, COALESCE(step_name, CAST(step_index AS TEXT)), attempt, execution, lease_owner,
       COALESCE(attempt_started_at, @now), max(0, @now - COALESCE(attempt_started_at, @now)),
       'failed', @error_type, @reason
FROM runs
WHERE id = @id
  AND status = 'running'
  AND deadline_at <= @now;

UPDATE runs
SET status = 'failed',
    error = @reason,
    next_attempt_at = NULL,
    sleep = NULL,
    lease_owner = NULL,
    lease_token = NULL,
    lease_expires_at = NULL,
    attempt_started_at = NULL,
    completed_at = @now,
    updated_at = @now
WHERE id = @id
  AND status IN ('pending', 'running', 'waiting')
  AND deadline_at <= @now;
