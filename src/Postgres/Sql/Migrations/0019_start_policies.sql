-- Start policies beside the forever-unique idempotency key (runs_one_run_per_idempotency_key, left as it is): a
-- start under a policy takes its key in start_keys, one row per workflow and key naming the run that holds it now.
-- A start takes the row when no run holds the key, or when its policy says the holder no longer does (the holder
-- ended, a period passed, the holder was claimed); otherwise it returns the holder, or, debounced, folds into it.
-- The row is what racing starts of one key lock (INSERT … ON CONFLICT DO UPDATE), so two of them never both make a
-- run. runs.start_key keeps the key on the run itself, for reading, after the key has moved on to a later run.
--
-- Safe on a live, busy database: a new table, its index built while it is empty, and a nullable column with no
-- default (no rewrite, no scan). The foreign key to runs takes a lock on runs for an instant (it scans nothing: the
-- table is new); it lets a retention delete take the key of a deleted run with it.

CREATE TABLE IF NOT EXISTS {schema}.start_keys (
    workflow  text        NOT NULL,
    start_key text        NOT NULL,
    run_id    uuid        NOT NULL REFERENCES {schema}.runs (id) ON DELETE CASCADE,
    policy    text        NOT NULL,
    period_ms bigint,
    taken_at  timestamptz NOT NULL,
    PRIMARY KEY (workflow, start_key),
    CONSTRAINT start_keys_key_length CHECK (length(start_key) BETWEEN 1 AND 512),
    CONSTRAINT start_keys_policy_known CHECK (policy IN ('unique_while_active', 'unique_for', 'debounce', 'throttle')),
    CONSTRAINT start_keys_period_positive CHECK ((policy = 'unique_while_active') = (period_ms IS NULL) AND (period_ms IS NULL OR period_ms > 0))
);

COMMENT ON TABLE {schema}.start_keys IS
    'For starts under a start policy: the run that holds each (workflow, key), the policy and period of the start that took it, and when (database clock).';

-- A new, empty table: the index costs nothing to build. It serves the cascade of a deleted run.
CREATE INDEX IF NOT EXISTS start_keys_by_run ON {schema}.start_keys (run_id);

ALTER TABLE {schema}.runs ADD COLUMN IF NOT EXISTS start_key text;

COMMENT ON COLUMN {schema}.runs.start_key IS 'The key of a run started under a start policy (start_keys); null for runs with the forever-unique idempotency_key or none.';
