-- The counters of the (limit, key) pairs the gate checks (@pairs: a JSON array of [limit, key]); a pair without a
-- row has none yet (CountLimits.sql makes it).
SELECT c.name, c.key, c.running, c.tokens, c.refilled_at
FROM limit_counters AS c
JOIN json_each(@pairs) AS p ON c.name = p.value ->> 0 AND c.key = p.value ->> 1;
