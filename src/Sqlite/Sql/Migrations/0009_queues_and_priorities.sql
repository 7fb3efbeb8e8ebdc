-- Queues and priorities, as on PostgreSQL (0016): a run keeps the queue of its workflow and the priority it was
-- started with; the claim takes due runs highest priority first, then oldest due, from the queues the worker serves
-- that are not paused. Adding columns with constant defaults rewrites nothing.
ALTER TABLE runs ADD COLUMN queue TEXT NOT NULL DEFAULT 'default'
    CHECK (length(queue) BETWEEN 1 AND 64 AND queue NOT GLOB '*[^A-Za-z0-9._-]*' AND substr(queue, 1, 1) GLOB '[A-Za-z0-9]');

ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN -100 AND 100);

-- The claim reads pending runs band by band, (queue, priority), each band in due order and only up to the due time:
-- the runs of a band that sleep or back off are never read (see ClaimRuns.sql). runs_due stays for the backlog,
-- the activity chart and the unknown-step report.
CREATE INDEX runs_due_by_band ON runs (queue, priority, next_attempt_at) WHERE status = 'pending';

-- Waiting runs by queue, for the queue list's counts.
CREATE INDEX runs_waiting_by_queue ON runs (queue) WHERE status = 'waiting';

-- The queues workers registered or an operator paused; a queue without a row is not paused.
CREATE TABLE queues (
    name       TEXT    PRIMARY KEY,
    paused     INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    paused_at  INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT queues_paused_since CHECK ((paused = 1) = (paused_at IS NOT NULL))
) WITHOUT ROWID;
