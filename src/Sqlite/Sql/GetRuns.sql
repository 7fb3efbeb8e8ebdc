-- Reads many runs by id in one statement; @ids is a JSON array of ids as they are stored.
SELECT id, workflow, status, step_index, step_name, attempt, input, result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at, next_attempt_at
FROM runs
WHERE id IN (SELECT value FROM json_each(@ids));
