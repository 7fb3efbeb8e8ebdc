-- Transition: wait for event (docs/run-states.md#wait-for-event).
-- Runs after CompleteSteps.sql in the batch that parked @parked for events. LockRuns.sql locked them before the
-- completion took its snapshot, and this statement takes a new one: it sees every event that a send, locking the
-- run before, committed. Each run takes the oldest event of its name that it keeps untaken (sent before the run got
-- to its wait) and is due at once; the others stay waiting for a send or their timeout. Returns the runs made due.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
kept AS (
    SELECT r.id AS run_id, r.awaited_event AS name, r.step_index, r.execution,
           (SELECT e.event_id
            FROM {schema}.events AS e
            WHERE e.run_id = r.id
              AND e.name = r.awaited_event
              AND e.taken_at IS NULL
            ORDER BY e.seq
            LIMIT 1) AS event_id
    FROM {schema}.runs AS r
    WHERE r.id = ANY (@parked)
      AND r.status = 'waiting'
      AND r.awaited_event IS NOT NULL
),
taken AS (
    UPDATE {schema}.events AS e
    SET taken_at = clock.now,
        taken_step_index = k.step_index,
        taken_execution = k.execution
    FROM kept AS k, clock
    WHERE e.run_id = k.run_id
      AND e.name = k.name
      AND e.event_id = k.event_id
    RETURNING e.run_id
),
woken AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        next_attempt_at = clock.now,
        updated_at = clock.now
    FROM clock
    WHERE r.id = ANY (ARRAY(SELECT run_id FROM taken))
    RETURNING r.id
)
SELECT id FROM woken;
