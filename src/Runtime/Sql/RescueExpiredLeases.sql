-- Hands back runs whose worker stopped renewing its lease (it died or lost the database): the run becomes due
-- at once, and the attempt that was in flight is recorded as abandoned. It still counts as an attempt.
WITH expired AS (
    SELECT id, lease_owner AS previous_owner, attempt_started_at
    FROM {schema}.runs
    WHERE status = 'running'
      AND lease_expires_at < @now
    ORDER BY lease_expires_at
    LIMIT @limit
    FOR UPDATE SKIP LOCKED
),
rescued AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        next_attempt_at = @now,
        lease_owner = NULL,
        lease_token = NULL,
        lease_expires_at = NULL,
        attempt_started_at = NULL,
        error = 'the lease of worker ' || e.previous_owner || ' expired during attempt ' || r.attempt
                || ' of step ' || COALESCE(r.step_name, r.step_index::text),
        updated_at = @now
    FROM expired AS e
    WHERE r.id = e.id
    RETURNING r.id, r.step_index, COALESCE(r.step_name, r.step_index::text) AS step_name, r.attempt,
              e.previous_owner, e.attempt_started_at
)
INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, worker, started_at, duration_ms,
                               outcome, error_type, error_message)
SELECT id, step_index, step_name, attempt, previous_owner, COALESCE(attempt_started_at, @now),
       GREATEST(0, EXTRACT(EPOCH FROM (@now - COALESCE(attempt_started_at, @now))) * 1000),
       'abandoned', 'LeaseExpired',
       'worker ' || previous_owner || ' stopped renewing its lease while this attempt ran'
FROM rescued
RETURNING run_id;
