-- Pauses a known queue (stored, 'default', or holding unended runs): the claim passes over its bands from the next
-- claim on; its runs keep their due times. Returns the name, or no row for an unknown queue.
INSERT INTO queues AS q (name, paused, paused_at, created_at, updated_at)
SELECT @name, 1, @now, @now, @now
WHERE @name = 'default'
   OR EXISTS (SELECT 1 FROM queues AS s WHERE s.name = @name)
   OR EXISTS (SELECT 1 FROM runs AS r INDEXED BY runs_due_by_band WHERE r.status = 'pending' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM runs AS r INDEXED BY runs_waiting_by_queue WHERE r.status = 'waiting' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM runs AS r INDEXED BY runs_leased WHERE r.status = 'running' AND r.queue = @name)
ON CONFLICT (name) DO UPDATE
SET paused = 1,
    paused_at = COALESCE(q.paused_at, excluded.paused_at),
    updated_at = excluded.updated_at
RETURNING name;
