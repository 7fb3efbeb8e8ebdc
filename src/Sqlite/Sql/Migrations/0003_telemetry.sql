-- Telemetry. The W3C trace context (traceparent and tracestate) of the code that started a run, so that every
-- step attempt's span continues that trace; null when nothing traced the start. And the time the current
-- attempt became due, which the claim keeps as it clears next_attempt_at: SQLite's RETURNING sees only the new
-- row, and the queue-wait histogram needs the old due time (PostgreSQL's claim reads it in a CTE instead).

ALTER TABLE runs ADD COLUMN trace_parent TEXT CHECK (trace_parent IS NULL OR length(trace_parent) <= 128);
ALTER TABLE runs ADD COLUMN trace_state TEXT CHECK (trace_state IS NULL OR length(trace_state) <= 1024);
ALTER TABLE runs ADD COLUMN attempt_due_at INTEGER;
