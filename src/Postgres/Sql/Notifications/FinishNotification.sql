-- Ends one post of a notification the owner holds: delivered, given up, or due again after @retryIn, with what
-- went wrong. A worker whose lease ran out (another claimed the row since) changes nothing.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now)
UPDATE {schema}.run_notifications AS n
SET state = @state,
    attempts = n.attempts + 1,
    next_attempt_at = CASE WHEN @state = 'pending' THEN clock.now + @retryIn::interval ELSE n.next_attempt_at END,
    last_error = @problem,
    lease_owner = NULL,
    updated_at = clock.now
FROM clock
WHERE n.run_id = @runId AND n.execution = @execution AND n.lease_owner = @owner AND n.state = 'pending';
