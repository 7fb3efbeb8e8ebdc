-- Concurrency and rate limits (docs/flow-control.md), as PostgreSQL migration 0017: a run keeps the keys of its
-- keyed limits (limit_keys, JSON), the slots it holds while it runs (slots, JSON [[limit, key], …]) and, while a
-- full limit holds it, which limit and key and when it was due; a held run stays 'pending', due at the largest time
-- (253402300799999, the end of 9999), so that the claim's bounded scan of the due index never reads it.
ALTER TABLE runs ADD COLUMN limit_keys TEXT CHECK (limit_keys IS NULL OR json_valid(limit_keys));
ALTER TABLE runs ADD COLUMN slots TEXT CHECK (slots IS NULL OR json_valid(slots));
ALTER TABLE runs ADD COLUMN held_limit TEXT;
ALTER TABLE runs ADD COLUMN held_key TEXT;
ALTER TABLE runs ADD COLUMN held_due_at INTEGER;

CREATE TABLE limit_counters (
    name        TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    running     INTEGER NOT NULL DEFAULT 0 CHECK (running >= 0),
    waiting     INTEGER NOT NULL DEFAULT 0 CHECK (waiting >= 0),
    tokens      REAL    NOT NULL DEFAULT 0,
    refilled_at INTEGER NOT NULL,
    PRIMARY KEY (name, key)
) WITHOUT ROWID;

CREATE INDEX limit_counters_waiting ON limit_counters (name, key) WHERE waiting > 0;

CREATE INDEX runs_held ON runs (held_limit, held_key, held_due_at) WHERE held_limit IS NOT NULL;

CREATE INDEX runs_unsettled ON runs (id)
    WHERE (slots IS NOT NULL AND status <> 'running') OR (held_limit IS NOT NULL AND status <> 'pending');
