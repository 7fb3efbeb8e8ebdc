-- What is broken right now: failed attempts in a time window grouped by workflow, step and error type, with
-- counts, the runs they hit, first and last seen and the latest message. Uses the attempts_failures index.
SELECT r.workflow,
       a.step_name,
       COALESCE(a.error_type, a.outcome) AS error_type,
       count(*) AS failures,
       count(DISTINCT a.run_id) AS runs,
       min(a.started_at) AS first_seen,
       max(a.started_at) AS last_seen,
       (SELECT l.error_message FROM attempts AS l JOIN runs AS lr ON lr.id = l.run_id
        WHERE lr.workflow = r.workflow AND l.step_name = a.step_name
          AND COALESCE(l.error_type, l.outcome) = COALESCE(a.error_type, a.outcome)
          AND l.outcome IN ('failed', 'timed_out', 'abandoned')
          AND l.started_at >= @since AND l.started_at < @until
        ORDER BY l.started_at DESC, l.id DESC
        LIMIT 1) AS last_message
FROM attempts AS a
JOIN runs AS r ON r.id = a.run_id
WHERE a.outcome IN ('failed', 'timed_out', 'abandoned')
  AND a.started_at >= @since
  AND a.started_at < @until
  AND (@workflow IS NULL OR r.workflow = @workflow)
GROUP BY r.workflow, a.step_name, COALESCE(a.error_type, a.outcome)
ORDER BY failures DESC, last_seen DESC
LIMIT @limit;
