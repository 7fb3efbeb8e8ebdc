-- Transitions: succeed last (docs/run-states.md#succeed-last), fail (#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), wait (#wait), wake (#wake), cancel tree (#cancel-tree), deadline (#deadline).
-- Ends the waits that a transaction's earlier statements may have ended, and starts the ones they began. Runs
-- after them in the same transaction, with a snapshot that sees their writes and every commit before the locks
-- they hold, so it costs a constant amount per run named here, however many children a parent waits for:
-- * @parked: runs that began to wait. Each unended run of its awaited_runs gets a row in run_waits, and the run
--   counts them in run_wait_counts; with none, it is due at once. The children were locked (LockRuns) before
--   this snapshot, so none of them can end unseen: a child that ended before is seen ended, one that ends after
--   finds its row.
-- * @ended: runs that ended (a step's outcome, a failure without an attempt, a cancel). Each row naming one of
--   them as the awaited run is deleted and its waiting run's count goes down by one (the count's row lock orders
--   siblings ending at once); the run whose count reaches 0 is due now. This finds every run waiting for it,
--   whatever its parent_run_id. The rows and count of a run of them that waited itself (cancelled) go too. A run
--   named here that has not in fact ended (its outcome was fenced off) keeps its rows.
-- * @parents: the parents of @ended. A parent parked by a version before migration 0013 has no count: it is due
--   when none of its awaited_runs is pending, running or waiting, as that version decided (LockRuns locked it).
-- Returns the ids of the runs made due.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
parked AS (
    SELECT r.id, r.awaited_runs
    FROM {schema}.runs AS r
    WHERE r.id = ANY (@parked)
      AND r.status = 'waiting'
),
awaited AS (
    SELECT DISTINCT p.id AS parent_run_id, k.id AS child_run_id
    FROM parked AS p
    JOIN {schema}.runs AS k ON k.id = ANY (p.awaited_runs)
    WHERE k.status IN ('pending', 'running', 'waiting')
),
joined AS (
    INSERT INTO {schema}.run_waits (child_run_id, parent_run_id)
    SELECT child_run_id, parent_run_id FROM awaited
    ON CONFLICT DO NOTHING
),
counts AS (
    SELECT p.id, count(a.child_run_id) AS awaiting
    FROM parked AS p
    LEFT JOIN awaited AS a ON a.parent_run_id = p.id
    GROUP BY p.id
),
counted AS (
    INSERT INTO {schema}.run_wait_counts (run_id, awaiting)
    SELECT id, awaiting FROM counts
    ON CONFLICT (run_id) DO UPDATE SET awaiting = EXCLUDED.awaiting
),
-- Each step looks runs and rows up by id in an array, never by a join, whose plan a generic plan's guess of the
-- arrays' sizes can turn into a scan of the whole table; and two deletes, each by its own index, not one with an OR.
ended_runs AS (
    SELECT k.id
    FROM {schema}.runs AS k
    WHERE k.id = ANY (@ended)
      AND k.status IN ('succeeded', 'failed', 'cancelled')
),
gone AS (
    DELETE FROM {schema}.run_waits AS w
    WHERE w.child_run_id = ANY (ARRAY(SELECT id FROM ended_runs))
    RETURNING w.parent_run_id
),
abandoned AS (
    DELETE FROM {schema}.run_waits AS w
    WHERE w.parent_run_id = ANY (@ended)
),
ends AS (
    SELECT parent_run_id AS id, count(*) AS n
    FROM gone
    WHERE parent_run_id <> ALL (@ended)
      AND parent_run_id <> ALL (@parked)
    GROUP BY parent_run_id
),
counted_down AS (
    UPDATE {schema}.run_wait_counts AS c
    SET awaiting = c.awaiting - (SELECT e.n FROM ends AS e WHERE e.id = c.run_id)
    WHERE c.run_id = ANY (ARRAY(SELECT id FROM ends))
    RETURNING c.run_id, c.awaiting
),
forgotten AS (
    DELETE FROM {schema}.run_wait_counts AS c
    WHERE c.run_id = ANY (@ended)
),
due AS (
    SELECT id FROM counts WHERE awaiting = 0
    UNION ALL
    SELECT run_id FROM counted_down WHERE awaiting <= 0
),
woken AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        next_attempt_at = clock.now,
        updated_at = clock.now
    FROM clock
    WHERE r.id = ANY (ARRAY(SELECT id FROM due) || @parents::uuid[])
      AND r.status = 'waiting'
      AND (r.id IN (SELECT id FROM due)
           OR (r.id <> ALL (@parked)
               AND NOT EXISTS (SELECT 1 FROM {schema}.run_wait_counts AS c WHERE c.run_id = r.id)
               AND NOT EXISTS (SELECT 1 FROM {schema}.runs AS k
                               WHERE k.id = ANY (r.awaited_runs)
                                 AND k.status IN ('pending', 'running', 'waiting'))))
    RETURNING r.id
)
SELECT id FROM woken;
