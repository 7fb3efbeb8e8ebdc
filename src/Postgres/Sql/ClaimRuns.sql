-- Transition: claim (docs/run-states.md#claim).
-- One statement claims as many due runs as the worker has free slots. The inner SELECT matches the
-- runs_due partial index (status = 'pending', ORDER BY next_attempt_at); SKIP LOCKED lets workers claim side by side.
-- Due and lease times come from the database's clock (@now is null in production; tests pass a fake time), so
-- that workers whose clocks disagree still agree on which leases hold. A run at a step this deployment does not
-- know (a newer deployment started it, or an older one left it there) is left for a worker that knows it.
-- Each claimed run comes back with its stored trace context, how long it waited since it became due, and the
-- fingerprint of the steps it was started with (null before they were recorded).
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
known AS (
    SELECT * FROM unnest(@known_workflows::text[], @known_step_indexes::integer[], @known_step_names::text[])
             AS k(workflow, step_index, step_name)
),
due AS (
    SELECT r.id, r.next_attempt_at AS due_at
    FROM {schema}.runs AS r
    -- The due time is written out, not read from the clock CTE, so that it bounds the index scan; the caller turns
    -- bitmap scans and sorts off, so that stale statistics cannot make every claim read and sort all due runs.
    WHERE r.status = 'pending'
      AND r.next_attempt_at <= COALESCE(@now::timestamptz, now())
      AND r.workflow = ANY (@known_workflows::text[])
      AND EXISTS (SELECT 1 FROM known AS k
                  WHERE k.workflow = r.workflow
                    AND k.step_index = r.step_index
                    AND (r.step_name IS NULL OR r.step_name = k.step_name))
    ORDER BY r.next_attempt_at
    LIMIT @limit
    FOR UPDATE OF r SKIP LOCKED
)
UPDATE {schema}.runs AS r
SET status = 'running',
    attempt = r.attempt + 1,
    lease_owner = @owner,
    lease_token = gen_random_uuid(),
    lease_expires_at = clock.now + make_interval(secs => @lease_seconds::double precision),
    next_attempt_at = NULL,
    started_at = COALESCE(r.started_at, clock.now),
    attempt_started_at = clock.now,
    updated_at = clock.now
FROM due, clock
WHERE r.id = due.id
RETURNING r.id, r.workflow, r.step_index, r.attempt, r.lease_token, r.parent_run_id, r.execution,
    CASE WHEN r.step_index = 0 THEN r.input::text
         ELSE (SELECT c.output::text FROM {schema}.checkpoints AS c
               WHERE c.run_id = r.id AND c.step_index = r.step_index - 1)
    END AS step_input,
    r.step_name,
    to_json(r.awaited_runs)::text AS awaited_runs,
    r.trace_parent, r.trace_state, EXTRACT(EPOCH FROM clock.now - due.due_at)::double precision AS queue_wait_seconds,
    r.shape;
