-- Retention: notices written longer ago than @retention go, delivered or not (one that some sink never took in that
-- time is given up, and the caller logs it), so the table stays as small as the recent state changes.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now)
DELETE FROM {schema}.alert_notices AS n
USING clock
WHERE n.created_at < clock.now - @retention::interval
RETURNING n.delivered_at IS NULL AS undelivered;
