-- Transition: start with a used key (docs/run-states.md#start-with-a-used-key).
SELECT id FROM runs WHERE workflow = @workflow AND idempotency_key = @idempotency_key;
