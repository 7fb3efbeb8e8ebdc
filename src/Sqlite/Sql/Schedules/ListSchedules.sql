SELECT name, workflow, cron, time_zone, catch_up, max_catch_up, paused, paused_at, paused_by_configuration,
       last_tick_at, created_at, updated_at
FROM schedules
ORDER BY name;
