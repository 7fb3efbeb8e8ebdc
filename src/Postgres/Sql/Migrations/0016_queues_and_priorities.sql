-- migration: no transaction
-- Queues and priorities. A run keeps the queue of its workflow and the priority it was started with; the claim takes
-- due runs highest priority first, then oldest due, from the queues the worker serves that are not paused.
--
-- The claim cannot use one index ordered by (priority, next_attempt_at): a scan in that order cannot stop at the due
-- time, so every run of a higher band that is not due yet (sleeping, backing off) would be read at every claim. It
-- reads runs_due_by_band instead, ordered by (queue, priority, next_attempt_at): one descent per (queue, priority)
-- band finds the bands (a loose index scan), and each band is read only up to the due time (see ClaimRuns.sql).
-- runs_due stays for the backlog, the activity chart and the unknown-step report, which want all due runs by time.
--
-- Safe on a live, busy database (see SchemaMigrator): new columns with constant defaults (a catalog change, no table
-- rewrite), checks added NOT VALID and then validated by statements of their own that let writers go on, the index
-- built CONCURRENTLY, a new table. Each statement commits on its own and is safe to run twice.

ALTER TABLE {schema}.runs
    ADD COLUMN IF NOT EXISTS queue text NOT NULL DEFAULT 'default',
    ADD COLUMN IF NOT EXISTS priority smallint NOT NULL DEFAULT 0,
    DROP CONSTRAINT IF EXISTS runs_queue_name,
    ADD CONSTRAINT runs_queue_name CHECK (queue ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') NOT VALID,
    DROP CONSTRAINT IF EXISTS runs_priority_range,
    ADD CONSTRAINT runs_priority_range CHECK (priority BETWEEN -100 AND 100) NOT VALID;

ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_queue_name;
ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_priority_range;

COMMENT ON COLUMN {schema}.runs.queue IS 'The queue of the run''s workflow when it was started; a worker claims only from the queues it serves, and none claims from a paused queue.';
COMMENT ON COLUMN {schema}.runs.priority IS 'From -100 to 100, default 0: due runs are claimed highest priority first, then oldest due first.';

CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_due_by_band ON {schema}.runs (queue, priority, next_attempt_at) INCLUDE (workflow) WHERE status = 'pending';
COMMENT ON INDEX {schema}.runs_due_by_band IS 'Claim query: pending runs by (queue, priority) band, each band in the order its runs became due.';

-- Waiting runs by queue, for the queue list's counts; a run enters it when it parks and leaves it when it wakes.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_waiting_by_queue ON {schema}.runs (queue) WHERE status = 'waiting';

CREATE TABLE IF NOT EXISTS {schema}.queues (
    name       text        PRIMARY KEY,
    paused     boolean     NOT NULL DEFAULT false,
    paused_at  timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT queues_name CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    CONSTRAINT queues_paused_since CHECK (paused = (paused_at IS NOT NULL))
);

COMMENT ON TABLE {schema}.queues IS 'The queues workers registered or an operator paused; no worker claims a run of a paused queue. A queue without a row is not paused.';
