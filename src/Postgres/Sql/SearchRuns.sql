-- One page of the history search, newest first. Every filter is a bound parameter; a null one matches all
-- rows, and PostgreSQL folds it away when it plans the statement with the bound values. The keyset
-- (created_at, id) matches the runs_newest and runs_by_workflow indexes, so a page never scans what it skips.
-- Step and error text match the run's current step and last error or ANY of its attempts (attempts_by_step,
-- attempts_error_trigrams): each IN list is computed once per query, as a hashed subplan.
SELECT id, workflow, CASE WHEN held_limit IS NOT NULL AND status = 'pending' THEN 'held' ELSE status END AS status, step_index, step_name, attempt, input::text AS input, result::text AS result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at,
       COALESCE(held_due_at, next_attempt_at) AS next_attempt_at, held_limit, held_key, sleep, deadline_at
FROM {schema}.runs AS r
WHERE (@since::timestamptz IS NULL OR r.created_at >= @since::timestamptz)
  AND (@until::timestamptz IS NULL OR r.created_at < @until::timestamptz)
  AND (@workflow::text IS NULL OR r.workflow = @workflow::text)
  AND (@step::text IS NULL OR r.step_name = @step::text
       OR r.id IN (SELECT a.run_id FROM {schema}.attempts AS a WHERE a.step_name = @step::text))
  AND (@status::text IS NULL OR r.status = @status::text)
  AND (@idempotency_key::text IS NULL OR r.idempotency_key = @idempotency_key::text)
  AND (@error_pattern::text IS NULL OR r.error ILIKE @error_pattern::text
       OR r.id IN (SELECT a.run_id FROM {schema}.attempts AS a WHERE a.error_message ILIKE @error_pattern::text))
  AND (@input_contains::jsonb IS NULL OR r.input @> @input_contains::jsonb)
  AND (@after_created_at::timestamptz IS NULL
       OR (r.created_at, r.id) < (@after_created_at::timestamptz, @after_id::uuid))
ORDER BY r.created_at DESC, r.id DESC
LIMIT @limit;
