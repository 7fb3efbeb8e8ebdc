SELECT id, workflow, status, step_index, step_name, attempt, input, result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at, next_attempt_at
FROM runs
WHERE id = @id;
