-- Transition: wait for event (docs/run-states.md#wait-for-event).
-- After CompleteSteps.sql parked @parked (a JSON array of ids) for events, in the same write transaction: each takes
-- the oldest event of its name that it keeps untaken (sent before the run got to its wait), for its step and
-- execution. Returns the runs that took one; DeliverEvents.sql makes them due.
UPDATE events
SET taken_at = @now,
    taken_step_index = (SELECT r.step_index FROM runs AS r WHERE r.id = events.run_id),
    taken_execution = (SELECT r.execution FROM runs AS r WHERE r.id = events.run_id)
WHERE seq IN (SELECT (SELECT e.seq
                      FROM events AS e
                      WHERE e.run_id = r.id
                        AND e.name = r.awaited_event
                        AND e.taken_at IS NULL
                      ORDER BY e.seq
                      LIMIT 1)
              FROM runs AS r
              WHERE r.id IN (SELECT value FROM json_each(@parked))
                AND r.status = 'waiting'
                AND r.awaited_event IS NOT NULL)
RETURNING run_id AS id;
