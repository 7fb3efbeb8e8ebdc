-- migration: no transaction
-- Concurrency and rate limits, cluster-wide (docs/flow-control.md). A run keeps the keys of its keyed limits
-- (limit_keys, written at start), the slots it holds while it runs (slots: [[limit, key], …], written by the claim
-- that let it through), and while a full limit holds it, which limit and key (held_limit, held_key) and when it
-- was due (held_due_at): a held run stays 'pending' but is due at 'infinity', so that the claim's bounded scan of
-- the due index never reads it, however many wait. limit_counters keeps per (limit, key) how many runs hold a slot,
-- how many are held, and the token bucket of a rate. None of the new columns is in an index that a step or a
-- renewal changes, so those updates stay HOT.
-- Safe on a live, busy database (see SchemaMigrator): nullable columns (a catalog change), a new table, and the
-- indexes built CONCURRENTLY. Each statement commits on its own and is safe to run twice.

ALTER TABLE {schema}.runs
    ADD COLUMN IF NOT EXISTS limit_keys  jsonb,
    ADD COLUMN IF NOT EXISTS slots       jsonb,
    ADD COLUMN IF NOT EXISTS held_limit  text,
    ADD COLUMN IF NOT EXISTS held_key    text,
    ADD COLUMN IF NOT EXISTS held_due_at timestamptz;

COMMENT ON COLUMN {schema}.runs.limit_keys IS 'The keys of the run''s keyed limits: a JSON object from limit name to key; a limit not named counts under the key ''''.';
COMMENT ON COLUMN {schema}.runs.slots IS 'While running: the concurrency slots it holds, [[limit, key], …]; given back in the commit that ends its hold.';
COMMENT ON COLUMN {schema}.runs.held_limit IS 'While pending and held by a full concurrency limit: that limit (next_attempt_at is then infinity).';
COMMENT ON COLUMN {schema}.runs.held_due_at IS 'While held: when it was due; it is due then again when a slot frees.';

CREATE TABLE IF NOT EXISTS {schema}.limit_counters (
    name        text             NOT NULL,
    key         text             NOT NULL,
    running     integer          NOT NULL DEFAULT 0,
    waiting     integer          NOT NULL DEFAULT 0,
    tokens      double precision NOT NULL DEFAULT 0,
    refilled_at timestamptz      NOT NULL,
    PRIMARY KEY (name, key),
    CONSTRAINT limit_counters_running_not_negative CHECK (running >= 0),
    CONSTRAINT limit_counters_waiting_not_negative CHECK (waiting >= 0)
);

COMMENT ON TABLE {schema}.limit_counters IS
    'Per (limit, key): runs holding a slot, runs held waiting for one, and the rate''s token bucket as of refilled_at. Locked by the claims and the commits that change it, in (name, key) order.';

-- A new, empty table: the index costs nothing to build.
CREATE INDEX IF NOT EXISTS limit_counters_waiting ON {schema}.limit_counters (name, key) WHERE waiting > 0;

CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_held ON {schema}.runs (held_limit, held_key, held_due_at) WHERE held_limit IS NOT NULL;
COMMENT ON INDEX {schema}.runs_held IS 'Unhold: the runs a full limit holds, per (limit, key), oldest due first.';

-- Empty at every commit: a transition that ends a hold leaves the run here until the settle in its own commit.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_unsettled ON {schema}.runs (id)
    WHERE (slots IS NOT NULL AND status <> 'running') OR (held_limit IS NOT NULL AND status <> 'pending');
COMMENT ON INDEX {schema}.runs_unsettled IS 'Settle: runs whose slots or hold a transition ended in this transaction.';
