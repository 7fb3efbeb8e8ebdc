-- migration: no transaction
-- The runs table is updated at every claim, step, lease renewal and finish. An update is HOT (it writes no index
-- entry and leaves its new version on the same page) when no indexed column changes and the page has room; this
-- migration gives it both. Indexes are built CONCURRENTLY so that writers go on while they build on a table that
-- may already hold millions of runs: the migrator sends these statements one at a time outside a transaction and
-- runs them all again if it was interrupted, so each is safe to run twice.

-- Room on every page for the next versions of its rows. It applies to pages written from now on (new runs, and the
-- pages the next VACUUM frees), so existing data is neither rewritten nor locked.
ALTER TABLE {schema}.runs SET (fillfactor = 70);

-- The claim filters due runs by workflow before it locks them: with the workflow in the index it skips the runs of
-- workflows this deployment does not know without reading their rows. workflow never changes, so it costs no HOT
-- update. It replaces runs_due under the same name.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_due_with_workflow ON {schema}.runs (next_attempt_at) INCLUDE (workflow) WHERE status = 'pending';
DROP INDEX CONCURRENTLY IF EXISTS {schema}.runs_due;
ALTER INDEX IF EXISTS {schema}.runs_due_with_workflow RENAME TO runs_due;
COMMENT ON INDEX {schema}.runs_due IS 'Claim query: pending runs in the order they became due, with their workflow; finished history never enters it.';

-- runs_leased indexed lease_expires_at, which every lease renewal changes: no renewal could be HOT. The rescuer
-- needs the running runs only, at most the sum of the workers' slots, and sorts those few by expiry itself; so
-- this index holds just their ids, which never change, and a run leaves it when it stops running.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_running ON {schema}.runs (id) WHERE status = 'running';
COMMENT ON INDEX {schema}.runs_running IS 'Rescuer: the running runs, whose leases it checks; no column that a renewal or a step changes.';
DROP INDEX CONCURRENTLY IF EXISTS {schema}.runs_leased;
