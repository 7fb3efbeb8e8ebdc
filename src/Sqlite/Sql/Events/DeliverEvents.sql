-- Transitions: wait for event (docs/run-states.md#wait-for-event), event arrives (#event-arrives).
-- Makes due the runs of @run_ids (a JSON array) that took an event in this write transaction (a send to a run that
-- waited for it, or a wait that found one kept for it), while they still wait.
UPDATE runs
SET status = 'pending',
    next_attempt_at = @now,
    updated_at = @now
WHERE id IN (SELECT value FROM json_each(@run_ids))
  AND status = 'waiting'
RETURNING id;
