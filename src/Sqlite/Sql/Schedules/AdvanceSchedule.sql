-- Records that a tick was handled. Workers firing the same tick race harmlessly: the latest tick only moves forward.
UPDATE schedules
SET last_tick_at = max(COALESCE(last_tick_at, @tick), @tick),
    updated_at = @now
WHERE name = @name;
