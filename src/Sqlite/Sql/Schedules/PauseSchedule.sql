UPDATE schedules
SET paused = 1,
    paused_at = COALESCE(paused_at, @now),
    updated_at = @now
WHERE name = @name
RETURNING name;
