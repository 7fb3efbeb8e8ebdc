-- migration: no transaction
-- The W3C trace context (traceparent and tracestate) of the code that started a run, so that every step
-- attempt's span continues that trace, even on another process. Null when nothing traced the start.
-- On a table that workers go on writing (see SchemaMigrator): the length checks are added NOT VALID, then validated
-- by statements of their own that let writers go on. Each statement commits on its own and is safe to run twice.

ALTER TABLE {schema}.runs
    ADD COLUMN IF NOT EXISTS trace_parent text,
    ADD COLUMN IF NOT EXISTS trace_state text,
    DROP CONSTRAINT IF EXISTS runs_trace_parent_length,
    ADD CONSTRAINT runs_trace_parent_length CHECK (trace_parent IS NULL OR length(trace_parent) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS runs_trace_state_length,
    ADD CONSTRAINT runs_trace_state_length CHECK (trace_state IS NULL OR length(trace_state) <= 1024) NOT VALID;

COMMENT ON COLUMN {schema}.runs.trace_parent IS 'W3C traceparent of the activity that started the run; each step attempt''s span is its child.';
COMMENT ON COLUMN {schema}.runs.trace_state IS 'W3C tracestate that came with trace_parent.';

ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_trace_parent_length;
ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_trace_state_length;
