-- Cancels a pending or running run, in one write transaction: the status it had and its lease token are read
-- first (for the caller and the cancel wake-up), the attempt that was running is recorded as cancelled, and the
-- run loses its lease, so that the changed lease token refuses any outcome the step still reports.
SELECT status, lease_token
FROM runs
WHERE id = @id;

INSERT INTO attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                      duration_ms, outcome, error_type, error_message)
SELECT id, step_index, COALESCE(step_name, CAST(step_index AS TEXT)), attempt, execution, lease_owner,
       COALESCE(attempt_started_at, @now), max(0, @now - COALESCE(attempt_started_at, @now)),
       'cancelled', 'RunCancelled', @reason
FROM runs
WHERE id = @id
  AND status = 'running';

UPDATE runs
SET status = 'cancelled',
    error = @reason,
    next_attempt_at = NULL,
    lease_owner = NULL,
    lease_token = NULL,
    lease_expires_at = NULL,
    attempt_started_at = NULL,
    completed_at = @now,
    updated_at = @now
WHERE id = @id
  AND status IN ('pending', 'running');
