-- Stores one evaluation of a rule; state_since moves only when the state changes.
UPDATE {schema}.alerts
SET state = @state,
    state_since = CASE WHEN state = @state THEN state_since ELSE @now END,
    last_rate_percent = @rate,
    last_failures = @failures,
    last_total = @total,
    last_age = @age::interval,
    last_seen_at = @lastSeen::timestamptz,
    last_evaluated_at = @now
WHERE name = @name
RETURNING state_since;
