-- Transition: event arrives (docs/run-states.md#event-arrives).
-- Locks the run an event is sent to (by id, or by workflow and idempotency key) before SendEvent.sql takes its
-- snapshot. A completion that parks the run for the event locks it too (LockRuns.sql) before its own snapshot, so
-- whichever commits second sees the other: a send after the park finds the run waiting and wakes it, a park after
-- the send finds the event kept and takes it. Two sends of one event id are one after the other.
SELECT id
FROM {schema}.runs
WHERE id = COALESCE(@run_id::uuid, (SELECT k.id FROM {schema}.runs AS k
                                     WHERE k.workflow = @workflow::text AND k.idempotency_key = @idempotency_key::text))
FOR UPDATE;
