-- The limits a starting worker enforces, as its code and configuration define them (@limits, a JSON array of
-- objects); a limit already stored takes this worker's definition: the latest start wins.
INSERT INTO limits (name, concurrency, rate_count, rate_seconds, per_key, updated_at)
SELECT json_extract(d.value, '$.name'), json_extract(d.value, '$.concurrency'), json_extract(d.value, '$.rate_count'),
       json_extract(d.value, '$.rate_seconds'), json_extract(d.value, '$.per_key'), @now
FROM json_each(@limits) AS d
WHERE true
ON CONFLICT (name) DO UPDATE
SET concurrency = excluded.concurrency,
    rate_count = excluded.rate_count,
    rate_seconds = excluded.rate_seconds,
    per_key = excluded.per_key,
    updated_at = excluded.updated_at;
