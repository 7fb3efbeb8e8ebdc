-- A no-live-worker rule's numbers: the workers whose heartbeat is within @over, the newest heartbeat known (of the
-- workers table, or the one the rule saw last when every row is gone: a worker that stopped deleted its row), and the
-- time since it (since the rule was written when no heartbeat was ever seen).
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now),
seen AS (
    SELECT GREATEST((SELECT max(w.last_seen_at) FROM {schema}.workers AS w), a.last_seen_at) AS last_seen_at, a.created_at
    FROM {schema}.alerts AS a
    WHERE a.name = @name
)
SELECT clock.now,
       (SELECT count(*) FROM {schema}.workers AS w WHERE w.last_seen_at > clock.now - @over::interval)::integer AS live,
       seen.last_seen_at,
       clock.now - COALESCE(seen.last_seen_at, seen.created_at) AS age
FROM clock, seen;
