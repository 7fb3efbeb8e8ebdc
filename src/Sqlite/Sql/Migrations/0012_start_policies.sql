-- Start policies beside the forever-unique idempotency key, as on PostgreSQL (0019): a start under a policy takes
-- its key in start_keys, one row per workflow and key naming the run that holds it now, and runs.start_key keeps
-- the key on the run for reading. The foreign key is checked when the start's transaction commits: the key is
-- taken before its run is inserted. Adding a nullable column rewrites nothing.

CREATE TABLE start_keys (
    workflow  TEXT    NOT NULL,
    start_key TEXT    NOT NULL CHECK (length(start_key) BETWEEN 1 AND 512),
    run_id    TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    policy    TEXT    NOT NULL CHECK (policy IN ('unique_while_active', 'unique_for', 'debounce', 'throttle')),
    period_ms INTEGER CHECK ((policy = 'unique_while_active') = (period_ms IS NULL) AND (period_ms IS NULL OR period_ms > 0)),
    taken_at  INTEGER NOT NULL,
    PRIMARY KEY (workflow, start_key)
) WITHOUT ROWID;

-- Serves the cascade of a deleted run.
CREATE INDEX start_keys_by_run ON start_keys (run_id);

ALTER TABLE runs ADD COLUMN start_key TEXT;
