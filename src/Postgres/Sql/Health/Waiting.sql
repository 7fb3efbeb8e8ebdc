-- Runs that wait, by what for. A run waiting for an event or for child runs is 'waiting' (read through the partial
-- index of waiting runs, runs_waiting_by_queue); a sleeping or snoozed run is 'pending', due later, with sleep saying
-- why (read through runs_due from now on: a sleep that has ended is due, counted by the backlog, not here). Only
-- unended runs are read, so the query stays cheap however much history the table holds.
SELECT waiting.event, waiting.children, sleeping.sleep, sleeping.snooze
FROM (SELECT count(*) FILTER (WHERE awaited_event IS NOT NULL)::bigint AS event,
             count(*) FILTER (WHERE awaited_event IS NULL)::bigint AS children
      FROM {schema}.runs
      WHERE status = 'waiting') AS waiting,
     (SELECT count(*) FILTER (WHERE sleep = 'sleep')::bigint AS sleep,
             count(*) FILTER (WHERE sleep = 'snooze')::bigint AS snooze
      FROM {schema}.runs
      WHERE status = 'pending'
        AND next_attempt_at > COALESCE(@now::timestamptz, now())
        AND sleep IS NOT NULL) AS sleeping;
