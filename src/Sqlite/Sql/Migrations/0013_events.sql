-- Runs that wait for a named event and the events sent to runs, as on PostgreSQL (0020): awaited_event names the
-- event a parked run waits for, event_timeout_at (integer milliseconds) when the wait ends without one, and a
-- waiting run waits for children or an event (runs_waiting_awaits replaces runs_waiting_has_children). SQLite cannot
-- change a CHECK constraint in place, so the runs table is rebuilt the way SQLite documents (create, copy, drop,
-- rename, index again, keeping every column and index of the migrations before it: 0009's queue and priority, 0010's
-- limits, 0011's sleep, snoozes and deadline, 0012's start key), with foreign keys off while the migrator applies it (a DROP with them on would delete every
-- checkpoint and attempt) and checked before it commits. An event is a row of events, unique per (run, name, event
-- id), taken by a wait oldest first (seq).

CREATE TABLE runs_new (
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
    awaited_runs       TEXT    CHECK (awaited_runs IS NULL OR json_valid(awaited_runs)),
    trace_parent       TEXT    CHECK (trace_parent IS NULL OR length(trace_parent) <= 128),
    trace_state        TEXT    CHECK (trace_state IS NULL OR length(trace_state) <= 1024),
    attempt_due_at     INTEGER,
    shape              INTEGER CHECK (shape IS NULL OR step_name IS NOT NULL),
    awaiting           INTEGER,
    limit_keys         TEXT    CHECK (limit_keys IS NULL OR json_valid(limit_keys)),
    slots              TEXT    CHECK (slots IS NULL OR json_valid(slots)),
    held_limit         TEXT,
    held_key           TEXT,
    held_due_at        INTEGER,
    start_key          TEXT,
    queue              TEXT    NOT NULL DEFAULT 'default'
        CHECK (length(queue) BETWEEN 1 AND 64 AND queue NOT GLOB '*[^A-Za-z0-9._-]*' AND substr(queue, 1, 1) GLOB '[A-Za-z0-9]'),
    priority           INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN -100 AND 100),
    sleep              TEXT    CHECK (sleep IS NULL OR sleep IN ('sleep', 'snooze')),
    snoozes            INTEGER NOT NULL DEFAULT 0 CHECK (snoozes >= 0),
    deadline_at        INTEGER,
    awaited_event      TEXT,
    event_timeout_at   INTEGER,
    CONSTRAINT runs_status_known CHECK (status IN ('pending', 'running', 'waiting', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT runs_waiting_awaits CHECK (status <> 'waiting' OR awaited_runs IS NOT NULL OR awaited_event IS NOT NULL),
    CONSTRAINT runs_step_index_not_negative CHECK (step_index >= 0),
    CONSTRAINT runs_attempt_not_negative CHECK (attempt >= 0),
    CONSTRAINT runs_pending_is_scheduled CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL),
    CONSTRAINT runs_running_is_leased CHECK (
        status <> 'running' OR (lease_owner IS NOT NULL AND lease_token IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CONSTRAINT runs_idempotency_key_length CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 512),
    CONSTRAINT runs_execution_positive CHECK (execution >= 1),
    CONSTRAINT runs_one_run_per_idempotency_key UNIQUE (workflow, idempotency_key)
);

INSERT INTO runs_new (id, workflow, status, step_index, step_name, attempt, input, result, error, idempotency_key, parent_run_id, created_at, updated_at, started_at, completed_at, next_attempt_at, attempt_started_at, lease_owner, lease_token, lease_expires_at, execution, restarted_from, completion_id, awaited_runs, trace_parent, trace_state, attempt_due_at, shape, awaiting, limit_keys, slots, held_limit, held_key, held_due_at, start_key, queue, priority, sleep, snoozes, deadline_at)
SELECT id, workflow, status, step_index, step_name, attempt, input, result, error, idempotency_key, parent_run_id, created_at, updated_at, started_at, completed_at, next_attempt_at, attempt_started_at, lease_owner, lease_token, lease_expires_at, execution, restarted_from, completion_id, awaited_runs, trace_parent, trace_state, attempt_due_at, shape, awaiting, limit_keys, slots, held_limit, held_key, held_due_at, start_key, queue, priority, sleep, snoozes, deadline_at
FROM runs;

DROP TABLE runs;

ALTER TABLE runs_new RENAME TO runs;

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

-- Alert measures: finished runs of a workflow by their end.
CREATE INDEX runs_finished_by_workflow ON runs (workflow, completed_at) WHERE status IN ('succeeded', 'failed');

-- Flow limits (0010): the runs a full limit holds, and the runs whose slots or hold are left to settle.
CREATE INDEX runs_held ON runs (held_limit, held_key, held_due_at) WHERE held_limit IS NOT NULL;

CREATE INDEX runs_unsettled ON runs (id)
    WHERE (slots IS NOT NULL AND status <> 'running') OR (held_limit IS NOT NULL AND status <> 'pending');

-- Queues and priorities (0009): the claim's bands, and the waiting runs of a queue.
CREATE INDEX runs_due_by_band ON runs (queue, priority, next_attempt_at) WHERE status = 'pending';

CREATE INDEX runs_waiting_by_queue ON runs (queue) WHERE status = 'waiting';

-- Deadlines (0011): the sweep's unended runs with a deadline.
CREATE INDEX runs_deadline ON runs (deadline_at) WHERE deadline_at IS NOT NULL AND status IN ('pending', 'running', 'waiting');

-- The timeout sweep: waits whose time is up, soonest first.
CREATE INDEX runs_event_timeouts ON runs (event_timeout_at) WHERE status = 'waiting' AND event_timeout_at IS NOT NULL;

CREATE TABLE events (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id           TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    event_id         TEXT    NOT NULL,
    payload          TEXT    NOT NULL CHECK (json_valid(payload)),
    sent_at          INTEGER NOT NULL,
    taken_at         INTEGER,
    taken_step_index INTEGER,
    taken_execution  INTEGER,
    UNIQUE (run_id, name, event_id),
    CONSTRAINT events_taken_whole CHECK ((taken_at IS NULL) = (taken_step_index IS NULL) AND (taken_at IS NULL) = (taken_execution IS NULL))
);
