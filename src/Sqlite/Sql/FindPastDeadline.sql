-- Transition: deadline (docs/run-states.md#deadline).
-- The unended runs whose deadline has passed, the earliest deadline first, by runs_deadline (whose condition this
-- repeats); with one writer at a time, none of them changes before FailPastDeadline fails it in the same transaction.
SELECT id, parent_run_id, created_at, deadline_at
FROM runs INDEXED BY runs_deadline
WHERE deadline_at IS NOT NULL
  AND status IN ('pending', 'running', 'waiting')
  AND deadline_at <= @now
ORDER BY deadline_at
LIMIT @limit;
