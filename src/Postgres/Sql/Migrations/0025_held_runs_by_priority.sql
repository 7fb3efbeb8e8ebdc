-- migration: no transaction
-- Held runs are released highest priority first, then oldest due (as due runs are claimed): runs_held gains the
-- priority before the due time, so that the release of a few runs per free slot stays a short walk of the index
-- however many runs a key holds. Built CONCURRENTLY beside the old one and renamed to its name, so that writers go on
-- meanwhile; each statement is safe to run again if the migrator was interrupted.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_held_by_priority ON {schema}.runs (held_limit, held_key, priority DESC, held_due_at) WHERE held_limit IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS {schema}.runs_held;
ALTER INDEX IF EXISTS {schema}.runs_held_by_priority RENAME TO runs_held;
COMMENT ON INDEX {schema}.runs_held IS 'Unhold: the runs a full limit holds, per (limit, key), highest priority first, then oldest due.';
