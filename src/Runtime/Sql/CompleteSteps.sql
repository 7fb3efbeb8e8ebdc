-- Writes the outcome of many step attempts in one statement (one commit): the run moves on, the checkpoint of a
-- succeeded step is inserted, and every attempt is recorded. A row whose lease token, step or attempt no longer
-- matches the run was overtaken by another worker: its run and checkpoint are left alone and its attempt is
-- recorded as superseded. RETURNING lists the runs whose completion was committed.
WITH c AS (
    SELECT *
    FROM unnest(@run_ids, @lease_tokens, @step_indexes, @step_names, @attempts, @outcomes, @outputs,
                @next_statuses, @next_step_names, @next_attempt_ats, @run_errors,
                @started_ats, @durations, @error_types, @error_messages, @error_stacks)
         AS c(run_id, lease_token, step_index, step_name, attempt, outcome, output,
              next_status, next_step_name, next_attempt_at, run_error,
              started_at, duration_ms, error_type, error_message, error_stack)
),
updated AS (
    UPDATE {schema}.runs AS r
    SET status = c.next_status,
        step_index = CASE WHEN c.next_status = 'running' THEN c.step_index + 1 ELSE c.step_index END,
        step_name = COALESCE(c.next_step_name, r.step_name),
        attempt = CASE WHEN c.next_status = 'running' THEN 1 ELSE r.attempt END,
        result = CASE WHEN c.next_status = 'succeeded' THEN c.output::jsonb END,
        error = c.run_error,
        next_attempt_at = c.next_attempt_at,
        attempt_started_at = CASE WHEN c.next_status = 'running' THEN @now END,
        completed_at = CASE WHEN c.next_status IN ('succeeded', 'failed') THEN @now END,
        lease_owner = CASE WHEN c.next_status = 'running' THEN r.lease_owner END,
        lease_token = CASE WHEN c.next_status = 'running' THEN r.lease_token END,
        lease_expires_at = CASE WHEN c.next_status = 'running' THEN r.lease_expires_at END,
        updated_at = @now
    FROM c
    WHERE r.id = c.run_id
      AND r.status = 'running'
      AND r.lease_token = c.lease_token
      AND r.step_index = c.step_index
      AND r.attempt = c.attempt
    RETURNING r.id
),
checkpointed AS (
    INSERT INTO {schema}.checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
    SELECT c.run_id, c.step_index, c.step_name, c.output::jsonb, c.attempt, @now
    FROM c JOIN updated AS u ON u.id = c.run_id
    WHERE c.outcome = 'succeeded'
),
recorded AS (
    INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, worker, started_at, duration_ms,
                                   outcome, error_type, error_message, error_stack)
    SELECT c.run_id, c.step_index, c.step_name, c.attempt, @worker, c.started_at, c.duration_ms,
           CASE WHEN u.id IS NULL THEN 'superseded' ELSE c.outcome END,
           c.error_type, c.error_message, c.error_stack
    FROM c LEFT JOIN updated AS u ON u.id = c.run_id
)
SELECT id FROM updated;
