-- Alert notices waiting for their sinks (an outbox), as on PostgreSQL (0015): written in the evaluation's
-- transaction with the state change, then delivered by any worker until every sink took them. Times are integer
-- milliseconds; delivered_to is a JSON array of sink names.
CREATE TABLE alert_notices (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    id               TEXT    NOT NULL UNIQUE,
    alert            TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    delivered_to     TEXT    NOT NULL DEFAULT '[]',
    delivered_at     INTEGER,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    lease_owner      TEXT,
    lease_until      INTEGER,
    CONSTRAINT alert_notices_kind_known CHECK (kind IN ('firing', 'resolved')),
    CONSTRAINT alert_notices_lease_whole CHECK ((lease_owner IS NULL) = (lease_until IS NULL))
);

CREATE INDEX alert_notices_undelivered ON alert_notices (alert, seq) WHERE delivered_at IS NULL;
CREATE INDEX alert_notices_created ON alert_notices (created_at);
