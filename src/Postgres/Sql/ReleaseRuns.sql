-- Transition: release (docs/run-states.md#release).
-- Hands back runs a stopping worker still holds, due at once. An attempt that had started is recorded as
-- interrupted but not counted, so a deploy does not use up a step's retries; a run whose attempt had not started
-- yet is handed back with no attempt row at all. Runs are locked in id order, as completions and renewals lock them.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
held AS (
    SELECT * FROM unnest(@run_ids::uuid[], @lease_tokens::uuid[], @started::boolean[]) AS h(run_id, lease_token, started)
),
locked AS (
    SELECT r.id, h.started
    FROM {schema}.runs AS r
    JOIN held AS h ON h.run_id = r.id AND h.lease_token = r.lease_token
    WHERE r.status = 'running'
    ORDER BY r.id
    FOR UPDATE OF r
),
released AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        next_attempt_at = clock.now,
        attempt = GREATEST(r.attempt - 1, 0),
        lease_owner = NULL,
        lease_token = NULL,
        lease_expires_at = NULL,
        updated_at = clock.now
    FROM locked AS l, clock
    WHERE r.id = l.id
    RETURNING r.id, l.started, r.step_index, COALESCE(r.step_name, r.step_index::text) AS step_name,
              r.attempt + 1 AS attempt, r.execution, r.attempt_started_at, clock.now
),
recorded AS (
    INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                                   duration_ms, outcome, error_type, error_message)
    SELECT id, step_index, step_name, attempt, execution, @worker, COALESCE(attempt_started_at, now),
           GREATEST(0, EXTRACT(EPOCH FROM (now - COALESCE(attempt_started_at, now))) * 1000),
           'interrupted', 'WorkerStopping', 'the worker stopped before the attempt finished; it will run again'
    FROM released
    WHERE started
)
SELECT id FROM released;
