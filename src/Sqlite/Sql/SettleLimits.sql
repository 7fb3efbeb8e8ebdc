-- Transition: free limit slots (docs/run-states.md#free-limit-slots).
-- In the write transaction of every transition that may end a run's hold on its limits, after it: a run that holds
-- slots but no longer runs gives them back, and a run a limit held that is no longer pending (cancelled) leaves its
-- count of waiting runs. runs_unsettled holds only such runs, and only until the last statement here clears them.
UPDATE limit_counters
SET running = max(0, running - f.runs)
FROM (SELECT s.value ->> 0 AS name, s.value ->> 1 AS key, count(*) AS runs
      FROM runs AS r INDEXED BY runs_unsettled, json_each(r.slots) AS s
      WHERE ((r.slots IS NOT NULL AND r.status <> 'running') OR (r.held_limit IS NOT NULL AND r.status <> 'pending'))
        AND r.slots IS NOT NULL
        AND r.status <> 'running'
      GROUP BY 1, 2) AS f
WHERE limit_counters.name = f.name
  AND limit_counters.key = f.key;

UPDATE limit_counters
SET waiting = max(0, waiting - f.runs)
FROM (SELECT r.held_limit AS name, r.held_key AS key, count(*) AS runs
      FROM runs AS r INDEXED BY runs_unsettled
      WHERE ((r.slots IS NOT NULL AND r.status <> 'running') OR (r.held_limit IS NOT NULL AND r.status <> 'pending'))
        AND r.held_limit IS NOT NULL
        AND r.status <> 'pending'
      GROUP BY 1, 2) AS f
WHERE limit_counters.name = f.name
  AND limit_counters.key = f.key;

UPDATE runs
SET slots = CASE WHEN status = 'running' THEN slots END,
    held_limit = CASE WHEN status = 'pending' THEN held_limit END,
    held_key = CASE WHEN status = 'pending' THEN held_key END,
    held_due_at = CASE WHEN status = 'pending' THEN held_due_at END
WHERE id IN (SELECT r.id
             FROM runs AS r INDEXED BY runs_unsettled
             WHERE (r.slots IS NOT NULL AND r.status <> 'running') OR (r.held_limit IS NOT NULL AND r.status <> 'pending'));
