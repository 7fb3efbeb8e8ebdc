-- Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key).
-- Inserts a run, due at @run_at when the caller named a time, else @delay_ms after @now. A key used before for
-- the workflow inserts nothing; the caller then reads the run that has it. @shape is the fingerprint of the steps
-- the run is started with (the store records their names in run_shapes first); @limit_keys the keys of its keyed
-- limits (a JSON object; null when it has none); @queue its workflow's queue; its deadline is @deadline_ms after @now
-- (null for none). @input is the client's UTF-8 JSON, bound as a BLOB without becoming a .NET string; CAST makes it
-- text, because json() reads a BLOB as SQLite's binary JSONB. A run started under a start policy has no
-- @idempotency_key but its @start_key, which TakeStartKeys.sql took for it just before.
INSERT INTO runs (id, workflow, status, step_name, input, idempotency_key, start_key, parent_run_id, created_at, updated_at, next_attempt_at,
                  trace_parent, trace_state, shape, limit_keys, queue, priority, deadline_at)
SELECT @id, @workflow, 'pending', @step_name, json(CAST(@input AS TEXT)), @idempotency_key, @start_key, @parent_run_id, @now, @now,
       COALESCE(@run_at, @now + @delay_ms),
       @trace_parent, @trace_state, @shape, @limit_keys, @queue, @priority, @now + @deadline_ms
WHERE true
ON CONFLICT (workflow, idempotency_key) DO NOTHING
RETURNING id;
