-- Resumes a known queue (stored, 'default', or holding unended runs); the caller wakes the workers in the same
-- commit, so its due runs are claimed at once. Returns the name, or no row for an unknown queue.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
)
INSERT INTO {schema}.queues AS q (name, paused, paused_at, created_at, updated_at)
SELECT @name, false, NULL, clock.now, clock.now
FROM clock
WHERE @name = 'default'
   OR EXISTS (SELECT 1 FROM {schema}.queues AS s WHERE s.name = @name)
   OR EXISTS (SELECT 1 FROM {schema}.runs AS r WHERE r.status = 'pending' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM {schema}.runs AS r WHERE r.status = 'waiting' AND r.queue = @name)
   OR EXISTS (SELECT 1 FROM {schema}.runs AS r WHERE r.status = 'running' AND r.queue = @name)
ON CONFLICT (name) DO UPDATE
SET paused = false,
    paused_at = NULL,
    updated_at = EXCLUDED.updated_at
RETURNING q.name;
