-- Transitions: fail (docs/run-states.md#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), cancel tree (#cancel-tree), deadline (#deadline).
-- Cancels a pending, running or waiting run and its unended descendants (@tree, a JSON array: the run and those
-- runs, from AwaitedTree), in one write transaction: each run's status and lease token are read first (for the
-- caller and the cancel wake-ups), the attempts that were running are recorded as cancelled, and the runs lose
-- their leases, so that a changed lease token refuses any outcome a step still reports. The waits this ends are
-- ended by WakeWaitingRuns, after this, in the same transaction.
SELECT id, status, lease_token, status IN ('pending', 'running', 'waiting') AS cancelled, workflow
FROM runs
WHERE id IN (SELECT value FROM json_each(@tree));

INSERT INTO attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                      duration_ms, outcome, error_type, error_message)
SELECT id, step_index, COALESCE(step_name, CAST(step_index AS TEXT)), attempt, execution, lease_owner,
       COALESCE(attempt_started_at, @now), max(0, @now - COALESCE(attempt_started_at, @now)),
       'cancelled', 'RunCancelled', CASE WHEN id = @id THEN @reason ELSE @child_reason END
FROM runs
WHERE id IN (SELECT value FROM json_each(@tree))
  AND status = 'running';

UPDATE runs
SET status = 'cancelled',
    error = CASE WHEN id = @id THEN @reason ELSE @child_reason END,
    next_attempt_at = NULL,
    lease_owner = NULL,
    lease_token = NULL,
    lease_expires_at = NULL,
    attempt_started_at = NULL,
    completed_at = @now,
    updated_at = @now
WHERE id IN (SELECT value FROM json_each(@tree))
  AND status IN ('pending', 'running', 'waiting');
