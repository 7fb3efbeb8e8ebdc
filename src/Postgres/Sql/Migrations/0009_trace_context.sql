-- The W3C trace context (traceparent and tracestate) of the code that started a run, so that every step
-- attempt's span continues that trace, even on another process. Null when nothing traced the start.

ALTER TABLE {schema}.runs
    ADD COLUMN trace_parent text,
    ADD COLUMN trace_state text,
    ADD CONSTRAINT runs_trace_parent_length CHECK (trace_parent IS NULL OR length(trace_parent) <= 128),
    ADD CONSTRAINT runs_trace_state_length CHECK (trace_state IS NULL OR length(trace_state) <= 1024);

COMMENT ON COLUMN {schema}.runs.trace_parent IS 'W3C traceparent of the activity that started the run; each step attempt''s span is its child.';
COMMENT ON COLUMN {schema}.runs.trace_state IS 'W3C tracestate that came with trace_parent.';
