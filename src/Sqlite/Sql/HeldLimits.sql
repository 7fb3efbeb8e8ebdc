-- The (limit, key) pairs that hold runs (waiting > 0, the limit_counters_waiting index), for the unhold after a claim.
SELECT c.name, c.key, c.running, c.waiting
FROM limit_counters AS c
WHERE c.waiting > 0;
