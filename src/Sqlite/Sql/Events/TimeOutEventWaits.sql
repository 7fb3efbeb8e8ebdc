-- Transition: event timeout (docs/run-states.md#event-timeout).
-- Makes due the runs whose wait for an event passed its timeout, soonest first, up to @limit, through the
-- runs_event_timeouts partial index: the woken step finds no event taken and fails with EventTimeoutException, or
-- hands on a timed-out EventResult.
UPDATE runs
SET status = 'pending',
    next_attempt_at = @now,
    updated_at = @now
WHERE id IN (SELECT r.id
             FROM runs AS r INDEXED BY runs_event_timeouts
             WHERE r.status = 'waiting'
               AND r.event_timeout_at IS NOT NULL
               AND r.event_timeout_at <= @now
             ORDER BY r.event_timeout_at
             LIMIT @limit)
RETURNING id;
