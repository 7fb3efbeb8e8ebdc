-- Who waits for whom, as rows, and how many of its children each waiting run still waits for: a child's end finds
-- every run waiting for it by its own id, whatever its parent_run_id, and costs one decrement of each one's count,
-- not a look at all their children. runs.awaited_runs stays: it is the start order of the children's results.
CREATE TABLE run_waits (
    child_run_id  TEXT NOT NULL,
    parent_run_id TEXT NOT NULL,
    PRIMARY KEY (child_run_id, parent_run_id)
) WITHOUT ROWID;

CREATE INDEX run_waits_by_parent ON run_waits (parent_run_id);

-- While waiting: how many of awaited_runs have not ended; the end that takes it to 0 wakes the run.
ALTER TABLE runs ADD COLUMN awaiting INTEGER;

-- Runs that already wait get their rows and count.
INSERT OR IGNORE INTO run_waits (child_run_id, parent_run_id)
SELECT DISTINCT k.id, p.id
FROM runs AS p, json_each(p.awaited_runs) AS j
JOIN runs AS k ON k.id = j.value
WHERE p.status = 'waiting'
  AND k.status IN ('pending', 'running', 'waiting');

UPDATE runs
SET awaiting = (SELECT count(*) FROM run_waits AS w WHERE w.parent_run_id = runs.id)
WHERE status = 'waiting';
