SELECT id FROM runs WHERE workflow = @workflow AND idempotency_key = @idempotency_key;
