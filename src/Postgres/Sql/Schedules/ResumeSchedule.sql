-- The ticks that passed while paused are passed over, so a resume never fires a burst of catch-up runs.
UPDATE {schema}.schedules
SET paused = false,
    paused_at = NULL,
    last_tick_at = GREATEST(COALESCE(last_tick_at, created_at), @now),
    updated_at = @now
WHERE name = @name
RETURNING name;
