-- migration: no transaction
-- Who waits for whom, as rows, and how many of its children each waiting run still waits for. A child's end then
-- finds every run waiting for it by its own id (whatever its parent_run_id: a run found by its key may be awaited
-- by a run that did not start it) and costs one counter decrement on each, not a look at all their children: a
-- parent of 20,000 children is woken by the 20,000th end at the cost of the first. runs.awaited_runs stays: it is
-- the start order of the children's results. Each statement runs on its own, so no lock is held across the
-- backfill, and each is safe to run twice (the migrator runs them all again if it was interrupted). The count
-- lives in a table of its own, not on the run: the run row is then updated only when the wait ends, so a park does
-- not update its run twice in one transaction (the second update would check the parent_run_id foreign key,
-- taking a lock on the parent that a parent parking at the same time holds while it locks this run), and runs is
-- not altered.

CREATE TABLE IF NOT EXISTS {schema}.run_waits (
    child_run_id  uuid NOT NULL,
    parent_run_id uuid NOT NULL,
    PRIMARY KEY (child_run_id, parent_run_id)
);

COMMENT ON TABLE {schema}.run_waits IS
    'One row per unended run a waiting run waits for; deleted as the awaited run ends (or the waiting run is cancelled).';

-- A new, empty table: the index costs nothing to build.
CREATE INDEX IF NOT EXISTS run_waits_by_parent ON {schema}.run_waits (parent_run_id);

CREATE TABLE IF NOT EXISTS {schema}.run_wait_counts (
    run_id   uuid    PRIMARY KEY,
    awaiting integer NOT NULL
);

COMMENT ON TABLE {schema}.run_wait_counts IS
    'For a waiting run: how many of its awaited_runs have not ended (its rows in run_waits); the end that takes it to 0 wakes the run. None for a run parked before migration 0013.';

-- Runs that already wait get their rows and count. A child ending meanwhile under an older version wakes its parent
-- the old way (which this version still does for runs with no count).
INSERT INTO {schema}.run_waits (child_run_id, parent_run_id)
SELECT DISTINCT k.id, p.id
FROM {schema}.runs AS p
JOIN {schema}.runs AS k ON k.id = ANY (p.awaited_runs)
WHERE p.status = 'waiting'
  AND k.status IN ('pending', 'running', 'waiting')
ON CONFLICT DO NOTHING;

INSERT INTO {schema}.run_wait_counts (run_id, awaiting)
SELECT w.parent_run_id, count(*)
FROM {schema}.run_waits AS w
GROUP BY w.parent_run_id
ON CONFLICT DO NOTHING;
