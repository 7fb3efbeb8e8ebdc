-- Makes due, at once, each of @run_ids that waits for children none of which is still pending, running or
-- waiting. Runs in the same transaction after the statement that ended a child or parked a parent, with both
-- rows locked first (LockRuns), so it sees that statement's writes and every sibling's committed end.
UPDATE {schema}.runs AS p
SET status = 'pending',
    next_attempt_at = clock.now,
    updated_at = clock.now
FROM (SELECT COALESCE(@now::timestamptz, now()) AS now) AS clock
WHERE p.id = ANY (@run_ids)
  AND p.status = 'waiting'
  AND NOT EXISTS (SELECT 1 FROM {schema}.runs AS k
                  WHERE k.id = ANY (p.awaited_runs)
                    AND k.status IN ('pending', 'running', 'waiting'))
RETURNING p.id;
