-- migration: no transaction
-- Indexes for retention's deletes, on a table that may already hold millions of runs: each is built CONCURRENTLY,
-- so that writers go on while it builds, and that cannot run inside a transaction. The migrator sends these
-- statements one at a time outside a transaction (still under its advisory lock), after dropping any invalid
-- index that an interrupted build left in the schema. A migration interrupted half-way is run again from its
-- first statement, so every statement must be safe to run twice.

-- Deleting a run sets restarted_from to null on the runs restarted from it: one lookup per deleted run, a table
-- scan each without this index. The run history's list of restarts reads it too.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_restarted_from ON {schema}.runs (restarted_from) WHERE restarted_from IS NOT NULL;
COMMENT ON INDEX {schema}.runs_restarted_from IS 'Deleting a run: the runs restarted from it; the run history''s restarts.';

-- Retention deletes only runs without a parent (a child lives as long as its parent): its query reads these,
-- oldest first, without stepping over the kept children. It replaces runs_finished, which only retention read.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_expirable ON {schema}.runs (status, completed_at)
    WHERE completed_at IS NOT NULL AND parent_run_id IS NULL;
COMMENT ON INDEX {schema}.runs_expirable IS 'Retention: finished runs without a parent, of one status, oldest first.';

DROP INDEX CONCURRENTLY IF EXISTS {schema}.runs_finished;
