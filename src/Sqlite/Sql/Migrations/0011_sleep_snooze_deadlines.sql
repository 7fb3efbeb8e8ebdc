-- Runs that wait without a worker (docs/waits.md): durable sleep, snooze and deadlines, as PostgreSQL's 0018.
-- * A sleeping or snoozed run is 'pending' with its next_attempt_at in the future, like a retry; runs.sleep says
--   why ('sleep' or 'snooze') and the claim clears it.
-- * runs.snoozes counts the snoozes of the step at step_index in this execution, for its bound.
-- * runs.deadline_at (milliseconds, as every time here): when an unended run fails; runs_deadline serves the sweeper.
-- * A snoozed attempt is recorded with outcome 'snoozed'. SQLite cannot change a CHECK constraint in place, so the
--   attempts table is rebuilt the way SQLite documents (create, copy with its ids, drop, rename, index again),
--   with foreign keys off while the migrator applies it, and checked before it commits.

ALTER TABLE runs ADD COLUMN sleep TEXT CHECK (sleep IS NULL OR sleep IN ('sleep', 'snooze'));
ALTER TABLE runs ADD COLUMN snoozes INTEGER NOT NULL DEFAULT 0 CHECK (snoozes >= 0);
ALTER TABLE runs ADD COLUMN deadline_at INTEGER;

CREATE INDEX runs_deadline ON runs (deadline_at) WHERE deadline_at IS NOT NULL AND status IN ('pending', 'running', 'waiting');

CREATE TABLE attempts_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id        TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step_index    INTEGER NOT NULL,
    step_name     TEXT    NOT NULL,
    attempt       INTEGER NOT NULL,
    execution     INTEGER,
    worker        TEXT,
    started_at    INTEGER NOT NULL,
    duration_ms   REAL    NOT NULL,
    outcome       TEXT    NOT NULL,
    error_type    TEXT,
    error_message TEXT,
    error_stack   TEXT,
    logs          TEXT    CHECK (logs IS NULL OR json_valid(logs)),
    CONSTRAINT attempts_outcome_known CHECK (
        outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned', 'interrupted', 'superseded', 'cancelled', 'snoozed')),
    CONSTRAINT attempts_duration_not_negative CHECK (duration_ms >= 0)
);

INSERT INTO attempts_new (id, run_id, step_index, step_name, attempt, execution, worker, started_at, duration_ms, outcome, error_type, error_message, error_stack, logs)
SELECT id, run_id, step_index, step_name, attempt, execution, worker, started_at, duration_ms, outcome, error_type, error_message, error_stack, logs
FROM attempts;

DROP TABLE attempts;

ALTER TABLE attempts_new RENAME TO attempts;

CREATE INDEX attempts_by_run ON attempts (run_id, step_index, attempt);
CREATE INDEX attempts_failures ON attempts (started_at) WHERE outcome IN ('failed', 'timed_out', 'abandoned');
CREATE INDEX attempts_by_step ON attempts (step_name, run_id);
CREATE INDEX attempts_by_step_start ON attempts (step_name, started_at);
