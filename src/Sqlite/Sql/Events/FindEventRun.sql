-- Transition: event arrives (docs/run-states.md#event-arrives).
-- The run an event is sent to (by id, or by workflow and idempotency key), read in the send's write transaction:
-- its workflow, status, step and execution, whether it waits for an event of @name whose timeout has not passed, and
-- whether it already has the event @event_id of that name (a resend, answered as a duplicate even after the run ended).
SELECT id, workflow, status, step_index, execution,
       (status = 'waiting' AND awaited_event = @name AND (event_timeout_at IS NULL OR event_timeout_at > @now)) AS waits,
       EXISTS (SELECT 1 FROM events AS e WHERE e.run_id = runs.id AND e.name = @name AND e.event_id = @event_id) AS known
FROM runs
WHERE id = COALESCE(@run_id, (SELECT k.id FROM runs AS k WHERE k.workflow = @workflow AND k.idempotency_key = @idempotency_key));
