-- Cancels a pending or running run. A running run loses its lease here: the worker's next lease renewal no
-- longer finds it, which fires the step's CancellationToken, and the changed lease token refuses any outcome
-- the step still reports. The attempt that was running is recorded as cancelled. Returns the status the run
-- had and the lease token it was running under (for the cancel notification), or nothing when there is no such run.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
target AS (
    SELECT id, status, step_index, COALESCE(step_name, step_index::text) AS step_name, attempt, execution,
           lease_owner, lease_token, attempt_started_at
    FROM {schema}.runs
    WHERE id = @id
    FOR UPDATE
),
cancelled AS (
    UPDATE {schema}.runs AS r
    SET status = 'cancelled',
        error = @reason,
        next_attempt_at = NULL,
        lease_owner = NULL,
        lease_token = NULL,
        lease_expires_at = NULL,
        attempt_started_at = NULL,
        completed_at = clock.now,
        updated_at = clock.now
    FROM target AS t, clock
    WHERE r.id = t.id
      AND t.status IN ('pending', 'running')
    RETURNING r.id
),
recorded AS (
    INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                                   duration_ms, outcome, error_type, error_message)
    SELECT t.id, t.step_index, t.step_name, t.attempt, t.execution, t.lease_owner,
           COALESCE(t.attempt_started_at, clock.now),
           GREATEST(0, EXTRACT(EPOCH FROM (clock.now - COALESCE(t.attempt_started_at, clock.now))) * 1000),
           'cancelled', 'RunCancelled', @reason
    FROM target AS t
    JOIN cancelled AS c ON c.id = t.id
    CROSS JOIN clock
    WHERE t.status = 'running'
)
SELECT status, lease_token FROM target;
