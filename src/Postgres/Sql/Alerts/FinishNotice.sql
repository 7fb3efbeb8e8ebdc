-- Ends a delivery try and its lease: delivered when @retryIn is null (every sink took it), else due again then.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now)
UPDATE {schema}.alert_notices AS n
SET delivered_at = CASE WHEN @retryIn::interval IS NULL THEN clock.now END,
    attempts = CASE WHEN @retryIn::interval IS NULL THEN n.attempts ELSE n.attempts + 1 END,
    next_attempt_at = CASE WHEN @retryIn::interval IS NULL THEN n.next_attempt_at ELSE clock.now + @retryIn::interval END,
    last_error = @problem,
    lease_owner = NULL,
    lease_until = NULL
FROM clock
WHERE n.id = @id AND n.lease_owner = @owner;
