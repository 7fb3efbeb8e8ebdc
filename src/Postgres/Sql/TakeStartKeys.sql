-- Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key), debounce (#debounce).
-- Starts runs under a start policy, each of another (workflow, key): the store sends a batch that repeats a key in
-- rounds. Each row takes its key in start_keys when no run holds it, or when the run that holds it no longer does
-- under this row's policy:
--   unique_while_active: the holder has ended;
--   unique_for:          the key was taken period_ms or longer ago;
--   throttle:            the key was taken in an earlier slot of period_ms, the slots counted from the Unix epoch;
--   debounce:            the holder has been claimed (started_at is set) or has ended.
-- A holder this statement cannot see was committed by another start after the statement began (ON CONFLICT waited
-- for it): it is new, so it holds. A row that takes its key inserts its run, due at its run_at, else its delay after
-- now, with the keys of its keyed limits, its queue, its priority and its deadline (deadline_seconds after now; null
-- for none); a row that does not inserts nothing, and the statements after it in the round fold into the holder
-- (FoldDebouncedRuns.sql) or find it (FindRunsByStartKeys.sql). Keys are taken in (workflow, key) order, so that
-- two batches never wait for each other's keys in a circle. RETURNING lists the ids of the runs inserted.
WITH n AS (
    SELECT *
    FROM unnest(@ids::uuid[], @workflows::text[], @inputs::text[], @start_keys::text[], @policies::text[], @period_ms::bigint[],
                @parent_run_ids::uuid[], @nows::timestamptz[], @run_ats::timestamptz[], @delay_seconds::double precision[],
                @step_names::text[], @trace_parents::text[], @trace_states::text[], @shapes::bigint[], @limit_keys::text[],
                @queues::text[], @priorities::integer[], @deadline_seconds::double precision[])
         WITH ORDINALITY
         AS n(id, workflow, input, start_key, policy, period_ms, parent_run_id, now, run_at, delay_seconds, step_name, trace_parent, trace_state, shape, limit_keys,
              queue, priority, deadline_seconds, ord)
),
taken AS (
    INSERT INTO {schema}.start_keys AS k (workflow, start_key, run_id, policy, period_ms, taken_at)
    SELECT n.workflow, n.start_key, n.id, n.policy, n.period_ms, COALESCE(n.now, now())
    FROM n
    ORDER BY n.workflow, n.start_key
    ON CONFLICT (workflow, start_key) DO UPDATE
    SET run_id = EXCLUDED.run_id, policy = EXCLUDED.policy, period_ms = EXCLUDED.period_ms, taken_at = EXCLUDED.taken_at
    WHERE CASE EXCLUDED.policy
        WHEN 'unique_while_active' THEN EXISTS (
            SELECT 1 FROM {schema}.runs AS r WHERE r.id = k.run_id AND r.status IN ('succeeded', 'failed', 'cancelled'))
        WHEN 'unique_for' THEN k.taken_at + make_interval(secs => EXCLUDED.period_ms / 1000.0) <= EXCLUDED.taken_at
        WHEN 'throttle' THEN floor(extract(epoch FROM k.taken_at) * 1000 / EXCLUDED.period_ms)
                           < floor(extract(epoch FROM EXCLUDED.taken_at) * 1000 / EXCLUDED.period_ms)
        WHEN 'debounce' THEN EXISTS (
            SELECT 1 FROM {schema}.runs AS r WHERE r.id = k.run_id AND (r.status <> 'pending' OR r.started_at IS NOT NULL))
    END
    RETURNING k.run_id
)
INSERT INTO {schema}.runs (id, workflow, status, step_name, input, start_key, parent_run_id, created_at, updated_at, next_attempt_at,
                           trace_parent, trace_state, shape, limit_keys, queue, priority, deadline_at)
SELECT n.id, n.workflow, 'pending', n.step_name, n.input::jsonb, n.start_key, n.parent_run_id,
       COALESCE(n.now, now()), COALESCE(n.now, now()),
       COALESCE(n.run_at, COALESCE(n.now, now()) + make_interval(secs => n.delay_seconds)),
       n.trace_parent, n.trace_state, n.shape, n.limit_keys::jsonb, n.queue, n.priority,
       COALESCE(n.now, now()) + make_interval(secs => n.deadline_seconds)
FROM n
JOIN taken ON taken.run_id = n.id
ORDER BY n.ord
RETURNING id;
