-- A run with everything its history view shows, in one round trip: the run, its execution number and origin (and
-- the event it waits for, and until when),
-- its checkpoints, every attempt (each with the execution it belonged to), and the runs it started or that
-- were restarted from it.
SELECT id, workflow, CASE WHEN held_limit IS NOT NULL AND status = 'pending' THEN 'held' ELSE status END AS status, step_index, step_name, attempt, input::text AS input, result::text AS result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at,
       COALESCE(held_due_at, next_attempt_at) AS next_attempt_at, held_limit, held_key, sleep, deadline_at
FROM {schema}.runs
WHERE id = @id;

SELECT execution, restarted_from, awaited_event, event_timeout_at
FROM {schema}.runs
WHERE id = @id;

SELECT step_index, step_name, output::text AS output, attempt, completed_at
FROM {schema}.checkpoints
WHERE run_id = @id
ORDER BY step_index;

SELECT a.step_index, a.step_name, COALESCE(a.execution, r.execution) AS execution, a.attempt, a.worker,
       a.started_at, a.duration_ms, a.outcome, a.error_type, a.error_message, a.error_stack,
       a.logs::text AS logs
FROM {schema}.attempts AS a
JOIN {schema}.runs AS r ON r.id = a.run_id
WHERE a.run_id = @id
ORDER BY a.step_index, a.id;

SELECT id, workflow, CASE WHEN held_limit IS NOT NULL AND status = 'pending' THEN 'held' ELSE status END AS status, step_index, step_name, attempt, input::text AS input, result::text AS result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at,
       COALESCE(held_due_at, next_attempt_at) AS next_attempt_at, held_limit, held_key, sleep, deadline_at
FROM {schema}.runs
WHERE parent_run_id = @id
ORDER BY created_at, id;

SELECT id, workflow, CASE WHEN held_limit IS NOT NULL AND status = 'pending' THEN 'held' ELSE status END AS status, step_index, step_name, attempt, input::text AS input, result::text AS result, error,
       COALESCE(idempotency_key, start_key) AS idempotency_key, parent_run_id, created_at, updated_at, completed_at,
       COALESCE(held_due_at, next_attempt_at) AS next_attempt_at, held_limit, held_key, sleep, deadline_at
FROM {schema}.runs
WHERE restarted_from = @id
ORDER BY created_at, id;
