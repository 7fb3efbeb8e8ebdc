-- Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key).
-- Inserts many runs in one statement, each due at its run_at when the caller named a time, else its delay after
-- now on the database's clock. A row whose key was used before for its workflow (or by an earlier row of the
-- same batch) inserts nothing; the lookup that follows in the same round trip finds the run that holds the key.
-- Each run keeps the fingerprint of the steps it is started with (the store records their names in run_shapes first),
-- its workflow's queue and its own priority, the keys of its keyed limits (a JSON object per row; null when it has
-- none) and its deadline: deadline_seconds after now (null for none). @inputs are the client's UTF-8 JSON, bound as
-- text from their bytes.
-- RETURNING lists the ids of the rows inserted; ids are the caller's own, so they say which rows were new.
INSERT INTO {schema}.runs (id, workflow, status, step_name, input, idempotency_key, parent_run_id, created_at, updated_at, next_attempt_at,
                           trace_parent, trace_state, shape, limit_keys, queue, priority, deadline_at)
SELECT n.id, n.workflow, 'pending', n.step_name, n.input::jsonb, n.idempotency_key, n.parent_run_id,
       COALESCE(n.now, now()), COALESCE(n.now, now()),
       COALESCE(n.run_at, COALESCE(n.now, now()) + make_interval(secs => n.delay_seconds)),
       n.trace_parent, n.trace_state, n.shape, n.limit_keys::jsonb, n.queue, n.priority,
       COALESCE(n.now, now()) + make_interval(secs => n.deadline_seconds)
FROM unnest(@ids::uuid[], @workflows::text[], @inputs::text[], @idempotency_keys::text[], @parent_run_ids::uuid[],
            @nows::timestamptz[], @run_ats::timestamptz[], @delay_seconds::double precision[], @step_names::text[],
            @trace_parents::text[], @trace_states::text[], @shapes::bigint[], @limit_keys::text[], @queues::text[],
            @priorities::integer[], @deadline_seconds::double precision[])
     WITH ORDINALITY
     AS n(id, workflow, input, idempotency_key, parent_run_id, now, run_at, delay_seconds, step_name, trace_parent, trace_state, shape, limit_keys,
          queue, priority, deadline_seconds, ord)
ORDER BY n.ord
ON CONFLICT (workflow, idempotency_key) DO NOTHING
RETURNING id;
