-- Reads many runs by id in one statement.
SELECT id, workflow, status, step_index, step_name, attempt, input::text AS input, result::text AS result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at, next_attempt_at
FROM {schema}.runs
WHERE id = ANY (@ids);
