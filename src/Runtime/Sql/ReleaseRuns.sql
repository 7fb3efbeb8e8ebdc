-- Hands back runs a stopping worker still holds, due at once. The interrupted attempt is recorded but not
-- counted, so a deploy does not use up a step's retries.
WITH released AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        next_attempt_at = @now,
        attempt = GREATEST(r.attempt - 1, 0),
        lease_owner = NULL,
        lease_token = NULL,
        lease_expires_at = NULL,
        updated_at = @now
    FROM unnest(@run_ids, @lease_tokens) AS h(run_id, lease_token)
    WHERE r.id = h.run_id
      AND r.lease_token = h.lease_token
      AND r.status = 'running'
    RETURNING r.id, r.step_index, COALESCE(r.step_name, r.step_index::text) AS step_name, r.attempt + 1 AS attempt,
              r.attempt_started_at
)
INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, worker, started_at, duration_ms,
                               outcome, error_type, error_message)
SELECT id, step_index, step_name, attempt, @worker, COALESCE(attempt_started_at, @now),
       GREATEST(0, EXTRACT(EPOCH FROM (@now - COALESCE(attempt_started_at, @now))) * 1000),
       'interrupted', 'WorkerStopping', 'the worker stopped before the attempt finished; it will run again'
FROM released
RETURNING run_id;
