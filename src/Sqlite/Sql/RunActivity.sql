-- Runs created in [since, until) by workflow, status and time bucket (served by the runs_newest index), then
-- the backlog: runs due and not claimed, and how long the oldest has waited (served by runs_due). Times are
-- Unix milliseconds.
SELECT workflow, status, (created_at / (@bucket_seconds * 1000)) * @bucket_seconds AS bucket_start, count(*) AS runs
FROM runs
WHERE created_at >= @since AND created_at < @until
GROUP BY 1, 2, 3;

SELECT count(*) AS due, COALESCE((@now - min(next_attempt_at)) / 1000.0, 0.0) AS oldest_wait_seconds
FROM runs
WHERE status = 'pending' AND next_attempt_at <= @now;
