-- A sink took the notice (@sink set), or one was tried: either way the owner is at work, so its lease on what it
-- holds is renewed. Returns the notice's id only while the owner still holds it.
UPDATE alert_notices
SET delivered_to = CASE
        WHEN id = @id AND @sink IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(alert_notices.delivered_to) WHERE value = @sink)
            THEN json_insert(delivered_to, '$[#]', @sink)
        ELSE delivered_to
    END,
    lease_until = @now + @lease_ms
WHERE lease_owner = @owner AND delivered_at IS NULL
RETURNING id;
