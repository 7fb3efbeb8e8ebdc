-- The busiest keys of every limit: at most @top per limit, most runs holding a slot or waiting for one first, then by
-- key; keys with neither are left out.
SELECT ranked.name, ranked.key, ranked.running, ranked.waiting
FROM (
    SELECT c.name, c.key, c.running, c.waiting,
           row_number() OVER (PARTITION BY c.name ORDER BY c.running + c.waiting DESC, c.key) AS place
    FROM limit_counters AS c
    WHERE c.running > 0 OR c.waiting > 0
) AS ranked
WHERE ranked.place <= @top
ORDER BY ranked.name, ranked.place;
