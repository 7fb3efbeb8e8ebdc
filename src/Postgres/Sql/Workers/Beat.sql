-- A worker's heartbeat: its row, written at its first beat and then only last_seen_at (no index covers it, so the
-- update is HOT). Rows not seen for a day are of workers that died without stopping; they go.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now),
gone AS (
    DELETE FROM {schema}.workers AS w
    USING clock
    WHERE w.last_seen_at < clock.now - interval '1 day' AND w.id <> @id
)
INSERT INTO {schema}.workers AS w (id, host, started_at, last_seen_at)
SELECT @id, @host, clock.now, clock.now
FROM clock
ON CONFLICT (id) DO UPDATE
SET last_seen_at = excluded.last_seen_at;
