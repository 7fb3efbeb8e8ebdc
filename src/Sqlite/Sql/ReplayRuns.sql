-- Transition: replay (docs/run-states.md#replay).
-- Starts a new execution of each failed or cancelled run of @run_ids (a JSON array) from the step that ended
-- it: the run is due at once, its checkpoints stay, its attempt counter starts again, and the attempts of the
-- execution that ended are stamped with that execution's number. Every requested run that exists is returned
-- first with the status it had, so the caller can say why one was left alone. A run that waited for children
-- runs the waiting step again, gets the same children back and waits on them again; one that waited for an event
-- (it timed out, or was cancelled while waiting) runs its waiting step again and waits again. A run with a deadline
-- gets one as long again from the replay, and its step's snoozes start from 0.
SELECT id, status, status IN ('failed', 'cancelled') AS replayed
FROM runs
WHERE id IN (SELECT value FROM json_each(@run_ids))
ORDER BY id;

UPDATE attempts
SET execution = (SELECT r.execution FROM runs AS r WHERE r.id = attempts.run_id)
WHERE execution IS NULL
  AND run_id IN (SELECT id FROM runs
                 WHERE id IN (SELECT value FROM json_each(@run_ids)) AND status IN ('failed', 'cancelled'));

UPDATE runs
SET status = 'pending',
    execution = execution + 1,
    attempt = 0,
    snoozes = 0,
    sleep = NULL,
    deadline_at = @now + (deadline_at - created_at),
    awaited_runs = NULL,
    awaited_event = NULL,
    event_timeout_at = NULL,
    result = NULL,
    error = NULL,
    completed_at = NULL,
    attempt_started_at = NULL,
    next_attempt_at = @now,
    updated_at = @now
WHERE id IN (SELECT value FROM json_each(@run_ids))
  AND status IN ('failed', 'cancelled');
