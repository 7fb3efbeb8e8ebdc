-- Transition: deadline (docs/run-states.md#deadline).
-- Fails a pending, running or waiting run whose deadline has passed by the database's clock, without an attempt of
-- user code: its lease goes (the worker running it is told by the notification the caller sends, and its next
-- renewal would find the lease gone; its late outcome is refused), and the attempt it was running is recorded as
-- failed with DeadlineExceededException. LockRuns locked it, its parent and its unended descendants first; the
-- waits this ends are ended by WakeWaitingRuns and its descendants cancelled (CancelRun), after this, in the same
-- commit. Returns the run's workflow, the status it had and its lease token when it was failed.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
before AS (
    SELECT id, workflow, status, step_index, COALESCE(step_name, step_index::text) AS step_name, attempt, execution,
           lease_owner, lease_token, attempt_started_at
    FROM {schema}.runs
    WHERE id = @id
),
failed AS (
    UPDATE {schema}.runs AS r
    SET status = 'failed',
        error = @reason,
        next_attempt_at = NULL,
        sleep = NULL,
        lease_owner = NULL,
        lease_token = NULL,
        lease_expires_at = NULL,
        attempt_started_at = NULL,
        completed_at = clock.now,
        updated_at = clock.now
    FROM clock
    WHERE r.id = @id
      AND r.status IN ('pending', 'running', 'waiting')
      AND r.deadline_at <= clock.now
    RETURNING r.id
),
recorded AS (
    INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                                   duration_ms, outcome, error_type, error_message)
    SELECT b.id, b.step_index, b.step_name, b.attempt, b.execution, b.lease_owner,
           COALESCE(b.attempt_started_at, clock.now),
           GREATEST(0, EXTRACT(EPOCH FROM (clock.now - COALESCE(b.attempt_started_at, clock.now))) * 1000),
           'failed', @error_type, @reason
    FROM before AS b
    JOIN failed AS f ON f.id = b.id
    CROSS JOIN clock
    WHERE b.status = 'running'
)
SELECT b.workflow, b.status, b.lease_token
FROM before AS b
JOIN failed AS f ON f.id = b.id;
