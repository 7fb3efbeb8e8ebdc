-- The limits a starting worker enforces, as its code and configuration define them (parallel arrays, one element
-- per limit); a limit already stored takes this worker's definition: the latest start wins.
INSERT INTO {schema}.limits AS l (name, concurrency, rate_count, rate_seconds, per_key, updated_at)
SELECT d.name, d.concurrency, d.rate_count, d.rate_seconds, d.per_key, COALESCE(@now::timestamptz, now())
FROM unnest(@names::text[], @concurrency::integer[], @rate_counts::integer[], @rate_seconds::double precision[], @per_key::boolean[])
    AS d(name, concurrency, rate_count, rate_seconds, per_key)
ON CONFLICT (name) DO UPDATE
SET concurrency = EXCLUDED.concurrency,
    rate_count = EXCLUDED.rate_count,
    rate_seconds = EXCLUDED.rate_seconds,
    per_key = EXCLUDED.per_key,
    updated_at = EXCLUDED.updated_at;
