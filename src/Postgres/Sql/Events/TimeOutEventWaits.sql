-- Transition: event timeout (docs/run-states.md#event-timeout).
-- Makes due the runs whose wait for an event passed its timeout, soonest first, up to @limit: the woken step finds
-- no event taken and fails with EventTimeoutException, or hands on a timed-out EventResult. The inner SELECT reads
-- the runs_event_timeouts partial index (status = 'waiting', ORDER BY event_timeout_at); SKIP LOCKED leaves a run
-- a send holds to the send (which finds its timeout passed and keeps the event) and lets workers sweep side by side.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
due AS (
    SELECT r.id
    FROM {schema}.runs AS r
    WHERE r.status = 'waiting'
      AND r.event_timeout_at <= COALESCE(@now::timestamptz, now())
    ORDER BY r.event_timeout_at
    LIMIT @limit
    FOR UPDATE OF r SKIP LOCKED
)
UPDATE {schema}.runs AS r
SET status = 'pending',
    next_attempt_at = clock.now,
    updated_at = clock.now
FROM due, clock
WHERE r.id = due.id
RETURNING r.id;
