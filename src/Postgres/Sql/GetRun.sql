SELECT id, workflow, CASE WHEN held_limit IS NOT NULL AND status = 'pending' THEN 'held' ELSE status END AS status, step_index, step_name, attempt, input::text AS input, result::text AS result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at,
       COALESCE(held_due_at, next_attempt_at) AS next_attempt_at, held_limit, held_key, sleep, deadline_at
FROM {schema}.runs
WHERE id = @id;
