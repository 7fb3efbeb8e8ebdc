SELECT id FROM {schema}.runs WHERE workflow = @workflow AND idempotency_key = @idempotency_key;
