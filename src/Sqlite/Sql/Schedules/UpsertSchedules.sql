-- Every host writes the definitions it runs when it starts; the pause switch and the latest tick stay as they
-- are. @schedules is a JSON array of [name, workflow, cron, time zone, catch-up, max catch-up, paused by configuration].
INSERT INTO schedules (name, workflow, cron, time_zone, catch_up, max_catch_up, paused_by_configuration, created_at, updated_at)
SELECT s.value ->> 0, s.value ->> 1, s.value ->> 2, s.value ->> 3, s.value ->> 4, s.value ->> 5, s.value ->> 6, @now, @now
FROM json_each(@schedules) AS s
WHERE true
ON CONFLICT (name) DO UPDATE
SET workflow = excluded.workflow,
    cron = excluded.cron,
    time_zone = excluded.time_zone,
    catch_up = excluded.catch_up,
    max_catch_up = excluded.max_catch_up,
    paused_by_configuration = excluded.paused_by_configuration,
    updated_at = excluded.updated_at;
