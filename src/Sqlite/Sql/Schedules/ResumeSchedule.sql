-- The ticks that passed while paused are passed over, so a resume never fires a burst of catch-up runs.
UPDATE schedules
SET paused = 0,
    paused_at = NULL,
    last_tick_at = max(COALESCE(last_tick_at, created_at), @now),
    updated_at = @now
WHERE name = @name
RETURNING name;
