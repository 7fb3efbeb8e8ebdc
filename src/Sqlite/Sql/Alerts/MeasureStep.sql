-- A step rule's numbers: attempts of the step that started in the window and ended in success or failure (an
-- interrupted, superseded or cancelled attempt says nothing about the step), then the commonest error messages.
-- Both read only the window, through attempts_by_step_start (step_name, started_at), and each of those attempts'
-- run by its key for the workflow.
SELECT count(*) AS total, count(*) FILTER (WHERE a.outcome IN ('failed', 'timed_out', 'abandoned')) AS failures
FROM attempts AS a
JOIN runs AS r ON r.id = a.run_id
WHERE a.outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned')
  AND a.started_at > @now - @window_ms
  AND a.started_at <= @now
  AND a.step_name = @step
  AND r.workflow = @workflow;

SELECT substr(COALESCE(a.error_message, a.outcome), 1, 500) AS message, count(*) AS count
FROM attempts AS a
JOIN runs AS r ON r.id = a.run_id
WHERE a.outcome IN ('failed', 'timed_out', 'abandoned')
  AND a.started_at > @now - @window_ms
  AND a.started_at <= @now
  AND a.step_name = @step
  AND r.workflow = @workflow
GROUP BY substr(COALESCE(a.error_message, a.outcome), 1, 500)
ORDER BY count(*) DESC, substr(COALESCE(a.error_message, a.outcome), 1, 500)
LIMIT @top_errors;
