-- Transitions: fail (docs/run-states.md#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), cancel tree (#cancel-tree), deadline (#deadline).
-- Cancels a pending, running or waiting run and its unended descendants (@tree: the run and those runs, as
-- LockCancelTree found and locked them). A running run loses its lease here: the worker's next lease renewal no
-- longer finds it, which fires the step's CancellationToken, and the changed lease token refuses any outcome the
-- step still reports. The attempt that was running is recorded as cancelled. The waits this ends (of the run's
-- parent, of any run waiting for a run of the tree) are ended by WakeWaitingRuns, after this, in the same commit.
-- Returns each run of @tree with the workflow, status and lease token it had and whether it was cancelled (for
-- the notifications and the metric).
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
before AS (
    SELECT id, workflow, status, step_index, COALESCE(step_name, step_index::text) AS step_name, attempt, execution,
           lease_owner, lease_token, attempt_started_at
    FROM {schema}.runs
    WHERE id = ANY (@tree)
),
cancelled AS (
    UPDATE {schema}.runs AS r
    SET status = 'cancelled',
        error = CASE WHEN r.id = @id THEN @reason ELSE @child_reason END,
        next_attempt_at = NULL,
        lease_owner = NULL,
        lease_token = NULL,
        lease_expires_at = NULL,
        attempt_started_at = NULL,
        completed_at = clock.now,
        updated_at = clock.now
    FROM clock
    WHERE r.id = ANY (@tree)
      AND r.status IN ('pending', 'running', 'waiting')
    RETURNING r.id
),
recorded AS (
    INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                                   duration_ms, outcome, error_type, error_message)
    SELECT b.id, b.step_index, b.step_name, b.attempt, b.execution, b.lease_owner,
           COALESCE(b.attempt_started_at, clock.now),
           GREATEST(0, EXTRACT(EPOCH FROM (clock.now - COALESCE(b.attempt_started_at, clock.now))) * 1000),
           'cancelled', 'RunCancelled', CASE WHEN b.id = @id THEN @reason ELSE @child_reason END
    FROM before AS b
    JOIN cancelled AS c ON c.id = b.id
    CROSS JOIN clock
    WHERE b.status = 'running'
)
SELECT b.id, b.workflow, b.status, b.lease_token, EXISTS (SELECT 1 FROM cancelled AS c WHERE c.id = b.id) AS cancelled
FROM before AS b;
