-- Transition: rescue (docs/run-states.md#rescue).
-- Hands back runs whose worker stopped renewing its lease (it died or lost the database): the run becomes due
-- at once, and the attempt that was in flight is recorded as abandoned. It still counts as an attempt. Expiry is
-- judged by the database's clock, which also set it, so a worker whose own clock runs ahead rescues nothing early.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
expired AS (
    SELECT r.id, r.lease_owner AS previous_owner, r.attempt_started_at
    FROM {schema}.runs AS r, clock
    WHERE r.status = 'running'
      AND r.lease_expires_at < clock.now
    ORDER BY r.lease_expires_at
    LIMIT @limit
    FOR UPDATE OF r SKIP LOCKED
),
rescued AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        next_attempt_at = clock.now,
        lease_owner = NULL,
        lease_token = NULL,
        lease_expires_at = NULL,
        attempt_started_at = NULL,
        error = 'the lease of worker ' || e.previous_owner || ' expired during attempt ' || r.attempt
                || ' of step ' || COALESCE(r.step_name, r.step_index::text),
        updated_at = clock.now
    FROM expired AS e, clock
    WHERE r.id = e.id
    RETURNING r.id, r.step_index, COALESCE(r.step_name, r.step_index::text) AS step_name, r.attempt, r.execution,
              e.previous_owner, e.attempt_started_at, clock.now
)
INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, execution, worker, started_at, duration_ms,
                               outcome, error_type, error_message)
SELECT id, step_index, step_name, attempt, execution, previous_owner, COALESCE(attempt_started_at, now),
       GREATEST(0, EXTRACT(EPOCH FROM (now - COALESCE(attempt_started_at, now))) * 1000),
       'abandoned', 'LeaseExpired',
       'worker ' || previous_owner || ' stopped renewing its lease while this attempt ran'
FROM rescued
RETURNING run_id;
