-- Every limit a worker defined and every limit with a counter, by name: its definition, its runs holding a slot
-- (running) and held waiting for one (waiting) summed over its keys, and its keys: every key with a counter (a key
-- gets one when the claim first meets it) and the busy ones (running or waiting). Reads limit_counters, one row per
-- (limit, key); never the runs.
WITH counts AS (
    SELECT c.name,
           sum(c.running) AS running,
           sum(c.waiting) AS waiting,
           count(*) AS keys,
           sum(c.running > 0 OR c.waiting > 0) AS busy_keys
    FROM limit_counters AS c
    GROUP BY c.name
),
names AS (
    SELECT name FROM limits
    UNION SELECT name FROM counts
)
SELECT n.name,
       l.name IS NOT NULL AS defined,
       COALESCE(l.concurrency, 0) AS concurrency,
       COALESCE(l.rate_count, 0) AS rate_count,
       COALESCE(l.rate_seconds, 0.0) AS rate_seconds,
       COALESCE(l.per_key, 0) AS per_key,
       COALESCE(c.running, 0) AS running,
       COALESCE(c.waiting, 0) AS waiting,
       COALESCE(c.keys, 0) AS keys,
       COALESCE(c.busy_keys, 0) AS busy_keys
FROM names AS n
LEFT JOIN limits AS l ON l.name = n.name
LEFT JOIN counts AS c ON c.name = n.name
ORDER BY n.name;
