-- The limits every worker enforces, as PostgreSQL migration 0022: a worker writes its definitions when it starts,
-- so that the limit list shows each limit's concurrency and rate beside its counts; the latest start wins.
CREATE TABLE limits (
    name         TEXT    NOT NULL PRIMARY KEY,
    concurrency  INTEGER NOT NULL CHECK (concurrency >= 0),
    rate_count   INTEGER NOT NULL CHECK (rate_count >= 0),
    rate_seconds REAL    NOT NULL CHECK (rate_seconds >= 0),
    per_key      INTEGER NOT NULL CHECK (per_key IN (0, 1)),
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
