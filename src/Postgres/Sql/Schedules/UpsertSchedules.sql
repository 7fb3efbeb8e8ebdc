-- Every host writes the definitions it runs when it starts; the pause switch and the latest tick stay as they are.
INSERT INTO {schema}.schedules (name, workflow, cron, time_zone, catch_up, max_catch_up, paused_by_configuration, created_at, updated_at)
SELECT s.name, s.workflow, s.cron, s.time_zone, s.catch_up, s.max_catch_up, s.paused_by_configuration, @now, @now
FROM unnest(@names::text[], @workflows::text[], @crons::text[], @time_zones::text[], @catch_ups::text[], @max_catch_ups::integer[],
            @paused_by_configuration::boolean[])
     AS s(name, workflow, cron, time_zone, catch_up, max_catch_up, paused_by_configuration)
ON CONFLICT (name) DO UPDATE
SET workflow = excluded.workflow,
    cron = excluded.cron,
    time_zone = excluded.time_zone,
    catch_up = excluded.catch_up,
    max_catch_up = excluded.max_catch_up,
    paused_by_configuration = excluded.paused_by_configuration,
    updated_at = excluded.updated_at;
