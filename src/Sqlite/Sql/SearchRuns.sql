-- One page of the history search, newest first; a null filter matches all rows. The keyset (created_at, id)
-- matches the runs_newest and runs_by_workflow indexes. Error text is matched with LIKE (case-insensitive for
-- ASCII letters only, where PostgreSQL's ILIKE folds every letter); input with inquir_json_contains, the
-- store's function with jsonb @>'s rules. Step and error text match the run's current step and last error or
-- ANY of its attempts (attempts_by_step for the step).
SELECT id, workflow, CASE WHEN held_limit IS NOT NULL AND status = 'pending' THEN 'held' ELSE status END AS status, step_index, step_name, attempt, input, result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at,
       COALESCE(held_due_at, next_attempt_at) AS next_attempt_at, held_limit, held_key, sleep, deadline_at
FROM runs AS r
WHERE (@since IS NULL OR r.created_at >= @since)
  AND (@until IS NULL OR r.created_at < @until)
  AND (@workflow IS NULL OR r.workflow = @workflow)
  AND (@step IS NULL OR r.step_name = @step
       OR r.id IN (SELECT a.run_id FROM attempts AS a WHERE a.step_name = @step))
  AND (@status IS NULL OR r.status = @status)
  AND (@idempotency_key IS NULL OR r.idempotency_key = @idempotency_key)
  AND (@error_pattern IS NULL OR r.error LIKE @error_pattern ESCAPE '\'
       OR r.id IN (SELECT a.run_id FROM attempts AS a WHERE a.error_message LIKE @error_pattern ESCAPE '\'))
  AND (@input_contains IS NULL OR inquir_json_contains(r.input, @input_contains))
  AND (@after_created_at IS NULL OR (r.created_at, r.id) < (@after_created_at, @after_id))
ORDER BY r.created_at DESC, r.id DESC
LIMIT @limit;
