-- Deletes the delivered and given-up notifications settled more than @retention ago.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now)
DELETE FROM {schema}.run_notifications AS n
USING clock
WHERE n.state <> 'pending' AND n.updated_at < clock.now - @retention::interval;
