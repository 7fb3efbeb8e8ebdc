-- Runs created in [since, until) by workflow, status and time bucket (served by the runs_newest index), then
-- the backlog: runs due and not claimed, and how long the oldest has waited (served by runs_due).
SELECT workflow, status,
       (floor(extract(epoch FROM created_at) / @bucket_seconds) * @bucket_seconds)::bigint AS bucket_start,
       count(*)::bigint AS runs
FROM {schema}.runs
WHERE created_at >= @since::timestamptz AND created_at < @until::timestamptz
GROUP BY 1, 2, 3;

SELECT count(*)::bigint AS due,
       COALESCE(extract(epoch FROM COALESCE(@now::timestamptz, now()) - min(next_attempt_at)), 0)::float8 AS oldest_wait_seconds
FROM {schema}.runs
WHERE status = 'pending'
  AND next_attempt_at <= COALESCE(@now::timestamptz, now());
