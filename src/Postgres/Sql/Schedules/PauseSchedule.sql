UPDATE {schema}.schedules
SET paused = true,
    paused_at = COALESCE(paused_at, @now),
    updated_at = @now
WHERE name = @name
RETURNING name;
