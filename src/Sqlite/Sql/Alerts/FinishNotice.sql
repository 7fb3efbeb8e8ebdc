-- Ends a delivery try and its lease: delivered when @retry_ms is null (every sink took it), else due again then.
UPDATE alert_notices
SET delivered_at = CASE WHEN @retry_ms IS NULL THEN @now END,
    attempts = CASE WHEN @retry_ms IS NULL THEN attempts ELSE attempts + 1 END,
    next_attempt_at = CASE WHEN @retry_ms IS NULL THEN next_attempt_at ELSE @now + @retry_ms END,
    last_error = @problem,
    lease_owner = NULL,
    lease_until = NULL
WHERE id = @id AND lease_owner = @owner;
