-- Retention: notices written longer ago than @retention_ms go, delivered or not (one that some sink never took in
-- that time is given up, and the caller logs it).
DELETE FROM alert_notices
WHERE created_at < @now - @retention_ms
RETURNING delivered_at IS NULL AS undelivered;
