-- Stores one evaluation of a rule; state_since moves only when the state changes.
UPDATE alerts
SET state_since = CASE WHEN state = @state THEN state_since ELSE @now END,
    state = @state,
    last_rate_percent = @rate,
    last_failures = @failures,
    last_total = @total,
    last_age_ms = @age_ms,
    last_seen_at = @last_seen_at,
    last_evaluated_at = @now
WHERE name = @name
RETURNING state_since;
