-- Resumes a known queue (stored, 'default', or holding unended runs); the caller wakes the workers after the commit,
-- so its due runs are claimed at once. Returns the name, or no row for an unknown queue.
INSERT INTO queues AS q (name, paused, paused_at, created_at, updated_at)
SELECT @name, 0, NULL, @now, @now
WHERE @name = 'default'
   OR EXISTS (SELECT 1 FROM queues AS s WHERE s.name = @name)
   OR EXISTS (SELECT 1 FROM runs AS r INDEXED BY runs_due_by_band WHERE r.status = 'pending' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM runs AS r INDEXED BY runs_waiting_by_queue WHERE r.status = 'waiting' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM runs AS r INDEXED BY runs_leased WHERE r.status = 'running' AND r.queue = @name)
ON CONFLICT (name) DO UPDATE
SET paused = 0,
    paused_at = NULL,
    updated_at = excluded.updated_at
RETURNING name;
