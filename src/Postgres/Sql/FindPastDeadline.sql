-- Transition: deadline (docs/run-states.md#deadline).
-- The unended runs whose deadline has passed, the earliest deadline first, by runs_deadline (whose condition this
-- repeats). Read without locks: FailPastDeadline checks each again under its lock.
SELECT id, parent_run_id, created_at, deadline_at
FROM {schema}.runs
WHERE deadline_at IS NOT NULL
  AND status IN ('pending', 'running', 'waiting')
  AND deadline_at <= COALESCE(@now::timestamptz, now())
ORDER BY deadline_at
LIMIT @limit;
