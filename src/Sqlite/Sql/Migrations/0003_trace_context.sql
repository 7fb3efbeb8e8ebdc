-- Telemetry. The W3C trace context (traceparent and tracestate) of the code that started a run, so that every
-- step attempt's span continues that trace; null when nothing traced the start. And the time the current
-- attempt became due, which the claim keeps as it clears next_attempt_at: SQLite's RETURNING sees only the new
-- row, and the queue-wait histogram needs the old due time (PostgreSQL's claim reads it in a CTE instead).

ALTER TABLE runs ADD COLUMN trace_parent TEXT CHECK (trace_parent IS NULL OR length(trace_parent) <= 128);
ALTER TABLE runs ADD COLUMN trace_state TEXT CHECK (trace_state IS NULL OR length(trace_state) <= 1024);
ALTER TABLE runs ADD COLUMN attempt_due_at INTEGER;

-- Failure-rate alerts, as on PostgreSQL (0007): one row per rule name with the rule as the hosts last wrote it and
-- the state the evaluators share. An evaluation runs in one write transaction (BEGIN IMMEDIATE), which no other
-- process's runs beside it, so a breach moves a rule from ok to firing once and a restart finds the state.
CREATE TABLE alerts (
    name              TEXT    PRIMARY KEY,
    workflow          TEXT    NOT NULL,
    step_name         TEXT,
    threshold_percent REAL    NOT NULL,
    resolve_percent   REAL    NOT NULL,
    window_ms         INTEGER NOT NULL,
    minimum_count     INTEGER NOT NULL,
    state             TEXT    NOT NULL DEFAULT 'ok',
    state_since       INTEGER NOT NULL,
    last_rate_percent REAL,
    last_failures     INTEGER,
    last_total        INTEGER,
    last_evaluated_at INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CONSTRAINT alerts_name_length CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT alerts_state_known CHECK (state IN ('ok', 'firing')),
    CONSTRAINT alerts_threshold_percent CHECK (threshold_percent >= 0 AND threshold_percent <= 100),
    CONSTRAINT alerts_resolve_under_threshold CHECK (resolve_percent >= 0 AND resolve_percent <= threshold_percent),
    CONSTRAINT alerts_window_positive CHECK (window_ms > 0),
    CONSTRAINT alerts_minimum_count_positive CHECK (minimum_count >= 1)
) WITHOUT ROWID;

-- A workflow rule's measure: the runs of the workflow that finished in the window.
CREATE INDEX runs_finished_by_workflow ON runs (workflow, completed_at) WHERE status IN ('succeeded', 'failed');
