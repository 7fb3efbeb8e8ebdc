-- What is broken right now: failed attempts in a time window grouped by workflow, step and error type, with
-- counts, the runs they hit, first and last seen and the latest message. Uses the attempts_failures index.
SELECT r.workflow,
       a.step_name,
       COALESCE(a.error_type, a.outcome) AS error_type,
       count(*) AS failures,
       count(DISTINCT a.run_id) AS runs,
       min(a.started_at) AS first_seen,
       max(a.started_at) AS last_seen,
       (array_agg(a.error_message ORDER BY a.started_at DESC))[1] AS last_message
FROM {schema}.attempts AS a
JOIN {schema}.runs AS r ON r.id = a.run_id
WHERE a.outcome IN ('failed', 'timed_out', 'abandoned')
  AND a.started_at >= @since
  AND a.started_at < @until
  AND (@workflow::text IS NULL OR r.workflow = @workflow::text)
GROUP BY r.workflow, a.step_name, COALESCE(a.error_type, a.outcome)
ORDER BY failures DESC, last_seen DESC
LIMIT @limit;
