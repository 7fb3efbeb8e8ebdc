-- Transition: event arrives (docs/run-states.md#event-arrives).
-- The run an event is sent to (by id, or by workflow and idempotency key), read in the send's write transaction:
-- its workflow, status, step and execution, and whether it waits for an event of @name whose timeout has not passed.
SELECT id, workflow, status, step_index, execution,
       (status = 'waiting' AND awaited_event = @name AND (event_timeout_at IS NULL OR event_timeout_at > @now)) AS waits
FROM runs
WHERE id = COALESCE(@run_id, (SELECT k.id FROM runs AS k WHERE k.workflow = @workflow AND k.idempotency_key = @idempotency_key));
