-- Throughput in [since, until) by time bucket: top-level runs that finished, by status (served by the
-- runs_expirable index on (status, completed_at); a child run is part of its parent's work and is not counted),
-- then failed attempts of any run (served by the attempts_failures index). Times are Unix milliseconds.
SELECT status, (completed_at / (@bucket_seconds * 1000)) * @bucket_seconds AS bucket_start, count(*) AS runs
FROM runs
WHERE status IN ('succeeded', 'failed', 'cancelled')
  AND completed_at IS NOT NULL
  AND parent_run_id IS NULL
  AND completed_at >= @since AND completed_at < @until
GROUP BY 1, 2;

SELECT (started_at / (@bucket_seconds * 1000)) * @bucket_seconds AS bucket_start, count(*) AS attempts
FROM attempts
WHERE outcome IN ('failed', 'timed_out', 'abandoned')
  AND started_at >= @since AND started_at < @until
GROUP BY 1;
