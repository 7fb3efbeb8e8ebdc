-- Two more alert kinds, as PostgreSQL migration 0024: an alert row says its kind, a queue-lag rule's queue and what
-- the latest evaluation saw (the age in milliseconds, the newest heartbeat); a rule of those kinds keeps the
-- failure-rate columns at neutral values (workflow '', percentages 0, minimum_count 1) and its "over" in window_ms.
-- Workers write a heartbeat row each. Added columns rewrite nothing; the table is new.
ALTER TABLE alerts ADD COLUMN kind TEXT NOT NULL DEFAULT 'failure-rate' CHECK (kind IN ('failure-rate', 'queue-lag', 'no-live-worker'));

ALTER TABLE alerts ADD COLUMN queue TEXT;

ALTER TABLE alerts ADD COLUMN last_age_ms INTEGER;

ALTER TABLE alerts ADD COLUMN last_seen_at INTEGER;

-- One row per running worker with its latest heartbeat; deleted when the worker stops gracefully, after a day when it died.
CREATE TABLE workers (
    id           TEXT    NOT NULL PRIMARY KEY,
    host         TEXT    NOT NULL,
    started_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
