-- Transition: replay (docs/run-states.md#replay).
-- Starts a new execution of each failed or cancelled run from the step that ended it: the run is due at once,
-- its checkpoints stay (completed steps are not run again), its attempt counter starts again, and the attempts
-- of the execution that ended are stamped with that execution's number. Runs in another state are left alone;
-- every requested run that exists is returned with the status it had, so the caller can say why. A run that
-- waited for children runs the waiting step again: it gets the same children back (their keys derive from
-- the step) and waits on them again, so a child replayed first lets it go on. A run with a deadline gets one as long
-- again from the replay (a run that failed by its deadline would otherwise fail again at once), and its step's
-- snoozes start from 0. A run that waited for an event (it timed out, or was cancelled while waiting) runs its
-- waiting step again and waits again.
WITH target AS (
    SELECT id, status, execution
    FROM {schema}.runs
    WHERE id = ANY (@run_ids)
    ORDER BY id
    FOR UPDATE
),
replayable AS (
    SELECT id, execution FROM target WHERE status IN ('failed', 'cancelled')
),
stamped AS (
    UPDATE {schema}.attempts AS a
    SET execution = t.execution
    FROM replayable AS t
    WHERE a.run_id = t.id
      AND a.execution IS NULL
),
replayed AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        execution = r.execution + 1,
        attempt = 0,
        snoozes = 0,
        sleep = NULL,
        deadline_at = COALESCE(@now::timestamptz, now()) + (r.deadline_at - r.created_at),
        awaited_runs = NULL,
        awaited_event = NULL,
        event_timeout_at = NULL,
        result = NULL,
        error = NULL,
        completed_at = NULL,
        attempt_started_at = NULL,
        next_attempt_at = COALESCE(@now::timestamptz, now()),
        updated_at = COALESCE(@now::timestamptz, now())
    FROM replayable AS t
    WHERE r.id = t.id
    RETURNING r.id
)
SELECT t.id, t.status, EXISTS (SELECT 1 FROM replayed AS p WHERE p.id = t.id) AS replayed
FROM target AS t;
