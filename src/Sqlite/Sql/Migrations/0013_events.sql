-- Runs that wait for a named event and the events sent to runs, as on PostgreSQL (0020): awaited_event names the
-- event a parked run waits for, event_timeout_at (integer milliseconds) when the wait ends without one. An event is
-- a row of events, unique per (run, name, event id), taken by a wait oldest first (seq).
ALTER TABLE runs ADD COLUMN awaited_event TEXT;

ALTER TABLE runs ADD COLUMN event_timeout_at INTEGER;

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

-- The timeout sweep: waits whose time is up, soonest first.
CREATE INDEX runs_event_timeouts ON runs (event_timeout_at) WHERE status = 'waiting' AND event_timeout_at IS NOT NULL;
