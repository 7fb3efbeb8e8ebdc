-- Makes due, at once, each run of @run_ids (a JSON array) that waits for children none of which is still
-- pending, running or waiting. Runs in the write transaction after the writes that ended a child or parked a
-- parent; SQLite has one writer at a time, so it sees every sibling's end.
UPDATE runs
SET status = 'pending',
    next_attempt_at = @now,
    updated_at = @now
WHERE id IN (SELECT value FROM json_each(@run_ids))
  AND status = 'waiting'
  AND NOT EXISTS (SELECT 1
                  FROM json_each(runs.awaited_runs) AS j
                  JOIN runs AS k ON k.id = j.value
                  WHERE k.status IN ('pending', 'running', 'waiting'))
RETURNING id;
