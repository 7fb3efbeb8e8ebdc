-- Records that a tick was handled. Workers firing the same tick race harmlessly: the latest tick only moves forward.
UPDATE {schema}.schedules
SET last_tick_at = GREATEST(last_tick_at, @tick),
    updated_at = @now
WHERE name = @name;
