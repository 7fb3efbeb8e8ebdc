-- The runs, their step checkpoints, every attempt of every step, and the schedules: the same tables and
-- constraints as the PostgreSQL schema after its migrations, in SQLite's types. Times are integer milliseconds
-- since the Unix epoch (UTC), so that due and lease comparisons are integer comparisons on an index; ids are
-- lower-case text UUIDs, whose text order is PostgreSQL's uuid order; JSON is text checked by json_valid.

CREATE TABLE runs (
    id                 TEXT    PRIMARY KEY,
    workflow           TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    step_index         INTEGER NOT NULL DEFAULT 0,
    step_name          TEXT,
    attempt            INTEGER NOT NULL DEFAULT 0,
    input              TEXT    NOT NULL CHECK (json_valid(input)),
    result             TEXT    CHECK (result IS NULL OR json_valid(result)),
    error              TEXT,
    idempotency_key    TEXT,
    parent_run_id      TEXT    REFERENCES runs (id) ON DELETE SET NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    started_at         INTEGER,
    completed_at       INTEGER,
    next_attempt_at    INTEGER,
    attempt_started_at INTEGER,
    lease_owner        TEXT,
    lease_token        TEXT,
    lease_expires_at   INTEGER,
    execution          INTEGER NOT NULL DEFAULT 1,
    restarted_from     TEXT    REFERENCES runs (id) ON DELETE SET NULL,
    completion_id      TEXT,
    CONSTRAINT runs_status_known CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT runs_step_index_not_negative CHECK (step_index >= 0),
    CONSTRAINT runs_attempt_not_negative CHECK (attempt >= 0),
    CONSTRAINT runs_pending_is_scheduled CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL),
    CONSTRAINT runs_running_is_leased CHECK (
        status <> 'running' OR (lease_owner IS NOT NULL AND lease_token IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CONSTRAINT runs_idempotency_key_length CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 512),
    CONSTRAINT runs_execution_positive CHECK (execution >= 1),
    CONSTRAINT runs_one_run_per_idempotency_key UNIQUE (workflow, idempotency_key)
);

-- Exactly the claim's WHERE and ORDER BY; finished history never enters it.
CREATE INDEX runs_due ON runs (next_attempt_at) WHERE status = 'pending';

-- The rescuer's query: running runs whose lease ran out.
CREATE INDEX runs_leased ON runs (lease_expires_at) WHERE status = 'running';

CREATE INDEX runs_children ON runs (parent_run_id) WHERE parent_run_id IS NOT NULL;
CREATE INDEX runs_restarted_from ON runs (restarted_from) WHERE restarted_from IS NOT NULL;

-- Listing and paging newest first, with and without a workflow; (created_at, id) is the keyset.
CREATE INDEX runs_newest ON runs (created_at DESC, id DESC);
CREATE INDEX runs_by_workflow ON runs (workflow, created_at DESC, id DESC);
CREATE INDEX runs_by_idempotency_key ON runs (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Retention's deletes: finished runs without a parent, oldest first.
CREATE INDEX runs_expirable ON runs (status, completed_at) WHERE completed_at IS NOT NULL AND parent_run_id IS NULL;

CREATE TABLE checkpoints (
    run_id       TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step_index   INTEGER NOT NULL,
    step_name    TEXT    NOT NULL,
    output       TEXT    NOT NULL CHECK (json_valid(output)),
    attempt      INTEGER NOT NULL,
    completed_at INTEGER NOT NULL,
    PRIMARY KEY (run_id, step_index),
    CONSTRAINT checkpoints_step_index_not_negative CHECK (step_index >= 0),
    CONSTRAINT checkpoints_attempt_positive CHECK (attempt >= 1)
) WITHOUT ROWID;

CREATE TABLE attempts (
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
        outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned', 'interrupted', 'superseded', 'cancelled')),
    CONSTRAINT attempts_duration_not_negative CHECK (duration_ms >= 0)
);

CREATE INDEX attempts_by_run ON attempts (run_id, step_index, attempt);
CREATE INDEX attempts_failures ON attempts (started_at) WHERE outcome IN ('failed', 'timed_out', 'abandoned');

CREATE TABLE schedules (
    name                    TEXT    PRIMARY KEY,
    workflow                TEXT    NOT NULL,
    cron                    TEXT    NOT NULL,
    time_zone               TEXT    NOT NULL,
    catch_up                TEXT    NOT NULL,
    max_catch_up            INTEGER NOT NULL,
    paused                  INTEGER NOT NULL DEFAULT 0,
    paused_at               INTEGER,
    paused_by_configuration INTEGER NOT NULL DEFAULT 0,
    last_tick_at            INTEGER,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    CONSTRAINT schedules_name_length CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT schedules_catch_up_known CHECK (catch_up IN ('skip', 'all')),
    CONSTRAINT schedules_max_catch_up_positive CHECK (max_catch_up >= 1),
    CONSTRAINT schedules_paused_has_time CHECK (NOT paused OR paused_at IS NOT NULL)
);
