-- A sink took the notice (@sink set), or one was tried: either way the owner is at work, so its lease on what it
-- holds is renewed. Returns the notice's id only while the owner still holds it.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now)
UPDATE {schema}.alert_notices AS n
SET delivered_to = CASE
        WHEN n.id = @id AND @sink::text IS NOT NULL AND NOT (@sink::text = ANY (n.delivered_to)) THEN array_append(n.delivered_to, @sink::text)
        ELSE n.delivered_to
    END,
    lease_until = clock.now + @lease::interval
FROM clock
WHERE n.lease_owner = @owner AND n.delivered_at IS NULL
RETURNING n.id;
