-- migration: no transaction
-- Two more alert kinds (docs/alerts-and-telemetry.md#queue-lag-and-no-live-worker): a queue whose oldest due run
-- waits too long, and a database with no live worker. An alert row says its kind, a queue-lag rule's queue, and what
-- the latest evaluation saw (the age, the newest heartbeat); a rule of those kinds keeps the failure-rate columns at
-- neutral values (workflow '', percentages 0, minimum_count 1) and its "over" in window_length. Workers write a
-- heartbeat row each, so that an idle worker, which holds no lease, is seen to live.
--
-- Safe on a live, busy database (see SchemaMigrator): new nullable columns and one with a constant default (catalog
-- changes, no rewrite) on the small alerts table, a check added NOT VALID and validated by a statement of its own,
-- and a new table. Each statement commits on its own and is safe to run twice.

ALTER TABLE {schema}.alerts
    ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'failure-rate',
    ADD COLUMN IF NOT EXISTS queue text,
    ADD COLUMN IF NOT EXISTS last_age interval,
    ADD COLUMN IF NOT EXISTS last_seen_at timestamptz,
    DROP CONSTRAINT IF EXISTS alerts_kind_known,
    ADD CONSTRAINT alerts_kind_known CHECK (kind IN ('failure-rate', 'queue-lag', 'no-live-worker')) NOT VALID;

ALTER TABLE {schema}.alerts VALIDATE CONSTRAINT alerts_kind_known;

COMMENT ON COLUMN {schema}.alerts.kind IS 'failure-rate, queue-lag or no-live-worker; the other kinds keep the failure-rate columns neutral and their "over" in window_length.';
COMMENT ON COLUMN {schema}.alerts.queue IS 'The queue a queue-lag rule watches; null for the other kinds.';
COMMENT ON COLUMN {schema}.alerts.last_age IS 'The latest evaluation''s age: the oldest due run''s wait (queue-lag; null when none was due), the time since the newest heartbeat (no-live-worker).';
COMMENT ON COLUMN {schema}.alerts.last_seen_at IS 'A no-live-worker rule''s newest worker heartbeat; kept when every worker row is gone, so the time without one is known.';

-- One row per running worker, rewritten in place at every heartbeat (no index on last_seen_at, so the update is HOT)
-- and deleted when the worker stops gracefully; a crashed worker's row ages and goes after a day.
CREATE TABLE IF NOT EXISTS {schema}.workers (
    id           text        PRIMARY KEY,
    host         text        NOT NULL,
    started_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);

COMMENT ON TABLE {schema}.workers IS 'One row per running worker with its latest heartbeat (database clock); the no-live-worker alert reads it.';
