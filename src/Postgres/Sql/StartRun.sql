-- Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key).
-- Inserts a run, due at @run_at when the caller named a time, else @delay after now on the database's clock, with
-- the fingerprint of the steps it is started with (@shape; the store records their names in run_shapes first), in
-- its workflow's queue with its priority, the keys of its keyed limits (@limit_keys, a JSON object; null when it has
-- none) and its deadline @deadline_seconds after now (null for none). @input is the client's UTF-8 JSON, bound as
-- text from its bytes.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
)
INSERT INTO {schema}.runs (id, workflow, status, step_name, input, idempotency_key, parent_run_id, created_at, updated_at, next_attempt_at,
                           trace_parent, trace_state, shape, limit_keys, queue, priority, deadline_at)
SELECT @id, @workflow, 'pending', @step_name, @input::jsonb, @idempotency_key, @parent_run_id, clock.now, clock.now,
       COALESCE(@run_at::timestamptz, clock.now + make_interval(secs => @delay_seconds::double precision)),
       @trace_parent, @trace_state, @shape, @limit_keys::jsonb, @queue, @priority,
       clock.now + make_interval(secs => @deadline_seconds::double precision)
FROM clock
ON CONFLICT (workflow, idempotency_key) DO NOTHING
RETURNING id;
