-- The due runs the limit gate decides on (SqliteLimits.cs), read before ClaimRuns.sql in its write transaction: the
-- same band walk as ClaimRuns.sql (served queues that are not paused, highest priority first, then oldest due, every
-- read bounded by the due time), @scan runs deep, in the order the gate places them. A run the claim does not select
-- among them is not claimed, since the claim takes only the runs the gate let through (@admitted).
WITH RECURSIVE bands(queue, priority) AS (
    SELECT queue, priority
    FROM (SELECT r.queue, r.priority
          FROM runs AS r INDEXED BY runs_due_by_band
          WHERE r.status = 'pending'
          ORDER BY r.queue, r.priority
          LIMIT 1)
    UNION ALL
    SELECT n.queue, n.priority
    FROM bands AS b
    -- The next priority of the same queue, else the first of the next queue (see ClaimRuns.sql).
    JOIN runs AS n ON n.rowid = COALESCE(
        (SELECT r.rowid
         FROM runs AS r INDEXED BY runs_due_by_band
         WHERE r.status = 'pending'
           AND r.queue = b.queue
           AND r.priority > b.priority
         ORDER BY r.priority
         LIMIT 1),
        (SELECT r.rowid
         FROM runs AS r INDEXED BY runs_due_by_band
         WHERE r.status = 'pending'
           AND r.queue > b.queue
         ORDER BY r.queue, r.priority
         LIMIT 1))
)
SELECT c.id, c.workflow, c.step_index, c.limit_keys
FROM bands AS b
JOIN runs AS c ON c.rowid IN (
    SELECT r.rowid
    FROM runs AS r INDEXED BY runs_due_by_band
    WHERE r.status = 'pending'
      AND r.queue = b.queue
      AND r.priority = b.priority
      AND r.next_attempt_at <= @now
      AND EXISTS (SELECT 1 FROM json_each(@known) AS k
                  WHERE k.value ->> 0 = r.workflow
                    AND k.value ->> 1 = r.step_index
                    AND (r.step_name IS NULL OR r.step_name = k.value ->> 2))
    ORDER BY r.next_attempt_at
    LIMIT @scan)
WHERE (@queues IS NULL OR b.queue IN (SELECT value FROM json_each(@queues)))
  AND NOT EXISTS (SELECT 1 FROM queues AS q WHERE q.name = b.queue AND q.paused = 1)
ORDER BY c.priority DESC, c.next_attempt_at
LIMIT @scan;
