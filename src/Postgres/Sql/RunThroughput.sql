-- Throughput in [since, until) by time bucket: top-level runs that finished, by status (served by the
-- runs_expirable index on (status, completed_at); a child run is part of its parent's work and is not counted),
-- then failed attempts of any run (served by the attempts_failures index).
SELECT status,
       (floor(extract(epoch FROM completed_at) / @bucket_seconds) * @bucket_seconds)::bigint AS bucket_start,
       count(*)::bigint AS runs
FROM {schema}.runs
WHERE status IN ('succeeded', 'failed', 'cancelled')
  AND completed_at IS NOT NULL
  AND parent_run_id IS NULL
  AND completed_at >= @since::timestamptz AND completed_at < @until::timestamptz
GROUP BY 1, 2;

SELECT (floor(extract(epoch FROM started_at) / @bucket_seconds) * @bucket_seconds)::bigint AS bucket_start,
       count(*)::bigint AS attempts
FROM {schema}.attempts
WHERE outcome IN ('failed', 'timed_out', 'abandoned')
  AND started_at >= @since::timestamptz AND started_at < @until::timestamptz
GROUP BY 1;
