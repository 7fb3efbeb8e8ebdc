-- Transitions: succeed last (docs/run-states.md#succeed-last), fail (#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), wait (#wait), wake (#wake), cancel tree (#cancel-tree), deadline (#deadline).
-- Ends the waits that the write transaction's changes may have ended, and starts the ones they began (SQLite has
-- one writer at a time, so this sees every other run's end). Costs a constant amount per run named here, however
-- many children a parent waits for:
-- * @parked (a JSON array of ids): runs that began to wait. Each unended run of its awaited_runs gets a row in
--   run_waits, and the run counts them in awaiting.
-- * @ended: runs that ended. The count of each run waiting for one of them (its row names it, whatever its
--   parent_run_id) goes down by one. ForgetWaits then deletes those rows.
-- * @parents: the parents of @ended; a parent parked before migration 0006 has no count, and is due when none of
--   its awaited_runs is pending, running or waiting.
-- Makes due, and returns, the waiting runs among these whose count is 0.
INSERT OR IGNORE INTO run_waits (child_run_id, parent_run_id)
SELECT DISTINCT k.id, p.id
FROM runs AS p, json_each(p.awaited_runs) AS j
JOIN runs AS k ON k.id = j.value
WHERE p.id IN (SELECT value FROM json_each(@parked))
  AND p.status = 'waiting'
  AND k.status IN ('pending', 'running', 'waiting');

UPDATE runs
SET awaiting = (SELECT count(*) FROM run_waits AS w WHERE w.parent_run_id = runs.id)
WHERE id IN (SELECT value FROM json_each(@parked))
  AND status = 'waiting';

UPDATE runs
SET awaiting = awaiting - (SELECT count(*)
                           FROM run_waits AS w
                           JOIN runs AS k ON k.id = w.child_run_id
                           WHERE w.parent_run_id = runs.id
                             AND w.child_run_id IN (SELECT value FROM json_each(@ended))
                             AND k.status IN ('succeeded', 'failed', 'cancelled'))
WHERE id IN (SELECT w.parent_run_id FROM run_waits AS w WHERE w.child_run_id IN (SELECT value FROM json_each(@ended)))
  AND id NOT IN (SELECT value FROM json_each(@parked))
  AND status = 'waiting'
  AND awaiting IS NOT NULL;

UPDATE runs
SET status = 'pending',
    next_attempt_at = @now,
    updated_at = @now
WHERE status = 'waiting'
  AND ((awaiting <= 0
        AND (id IN (SELECT value FROM json_each(@parked))
             OR id IN (SELECT w.parent_run_id FROM run_waits AS w WHERE w.child_run_id IN (SELECT value FROM json_each(@ended)))))
       OR (awaiting IS NULL
           AND id IN (SELECT value FROM json_each(@parents))
           AND NOT EXISTS (SELECT 1
                           FROM json_each(runs.awaited_runs) AS j
                           JOIN runs AS k ON k.id = j.value
                           WHERE k.status IN ('pending', 'running', 'waiting'))))
RETURNING id;
