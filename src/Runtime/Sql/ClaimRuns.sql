-- One statement claims as many due runs as the worker has free slots. The inner SELECT matches the
-- runs_due partial index (status = 'pending', ORDER BY next_attempt_at); SKIP LOCKED lets workers claim side by side.
WITH due AS (
    SELECT id
    FROM {schema}.runs
    WHERE status = 'pending'
      AND next_attempt_at <= @now
      AND workflow = ANY (@workflows)
    ORDER BY next_attempt_at
    LIMIT @limit
    FOR UPDATE SKIP LOCKED
)
UPDATE {schema}.runs AS r
SET status = 'running',
    attempt = r.attempt + 1,
    lease_owner = @owner,
    lease_token = gen_random_uuid(),
    lease_expires_at = @lease_expires_at,
    next_attempt_at = NULL,
    started_at = COALESCE(r.started_at, @now),
    attempt_started_at = @now,
    updated_at = @now
FROM due
WHERE r.id = due.id
RETURNING r.id, r.workflow, r.step_index, r.attempt, r.lease_token, r.parent_run_id,
    CASE WHEN r.step_index = 0 THEN r.input::text
         ELSE (SELECT c.output::text FROM {schema}.checkpoints AS c
               WHERE c.run_id = r.id AND c.step_index = r.step_index - 1)
    END AS step_input,
    r.step_name;
