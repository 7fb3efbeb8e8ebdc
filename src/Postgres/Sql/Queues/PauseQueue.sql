-- Pauses a known queue (stored, 'default', or holding unended runs): the claim passes over its bands from the next
-- claim on; its runs keep their due times. Returns the name, or no row for an unknown queue.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
)
INSERT INTO {schema}.queues AS q (name, paused, paused_at, created_at, updated_at)
SELECT @name, true, clock.now, clock.now, clock.now
FROM clock
WHERE @name = 'default'
   OR EXISTS (SELECT 1 FROM {schema}.queues AS s WHERE s.name = @name)
   OR EXISTS (SELECT 1 FROM {schema}.runs AS r WHERE r.status = 'pending' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM {schema}.runs AS r WHERE r.status = 'waiting' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM {schema}.runs AS r WHERE r.status = 'running' AND r.queue = @name)
ON CONFLICT (name) DO UPDATE
SET paused = true,
    paused_at = COALESCE(q.paused_at, EXCLUDED.paused_at),
    updated_at = EXCLUDED.updated_at
RETURNING q.name;
