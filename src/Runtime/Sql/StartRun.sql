INSERT INTO {schema}.runs (id, workflow, status, step_name, input, idempotency_key, parent_run_id, created_at, updated_at, next_attempt_at)
VALUES (@id, @workflow, 'pending', @step_name, @input::jsonb, @idempotency_key, @parent_run_id, @now, @now, @next_attempt_at)
ON CONFLICT (workflow, idempotency_key) DO NOTHING
RETURNING id;
