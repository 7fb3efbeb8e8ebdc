-- Ends one post of a notification the owner holds: delivered, given up, or due again after @retry_ms, with what
-- went wrong. A worker whose lease ran out (another claimed the row since) changes nothing.
UPDATE run_notifications
SET state = @state,
    attempts = attempts + 1,
    next_attempt_at = CASE WHEN @state = 'pending' THEN @now + @retry_ms ELSE next_attempt_at END,
    last_error = @problem,
    lease_owner = NULL,
    updated_at = @now
WHERE run_id = @run_id AND execution = @execution AND lease_owner = @owner AND state = 'pending';
