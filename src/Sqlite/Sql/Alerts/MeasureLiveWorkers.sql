-- A no-live-worker rule's numbers: the workers whose heartbeat is within @over_ms, the newest heartbeat known (of the
-- workers table, or the one the rule saw last when every row is gone: a worker that stopped deleted its row), and the
-- milliseconds since it (since the rule was written when no heartbeat was ever seen).
WITH seen AS (
    SELECT max(COALESCE((SELECT max(w.last_seen_at) FROM workers AS w), a.last_seen_at),
               COALESCE(a.last_seen_at, (SELECT max(w.last_seen_at) FROM workers AS w))) AS last_seen_at,
           a.created_at
    FROM alerts AS a
    WHERE a.name = @name
)
SELECT (SELECT count(*) FROM workers AS w WHERE w.last_seen_at > @now - @over_ms) AS live,
       seen.last_seen_at,
       @now - COALESCE(seen.last_seen_at, seen.created_at) AS age_ms
FROM seen;
