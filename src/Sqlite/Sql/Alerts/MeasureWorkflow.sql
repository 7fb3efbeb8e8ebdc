-- A workflow rule's numbers: runs that finished in the window, succeeded or failed (a cancelled run is neither),
-- then the commonest error messages of the failed ones. Both read only the window, through the partial index
-- runs_finished_by_workflow (workflow, completed_at) WHERE status IN ('succeeded', 'failed'). SQLite uses a partial
-- index only when the query repeats the index's condition term for term (status = 'failed' alone does not do), so
-- the second query states it too.
SELECT count(*) AS total, count(*) FILTER (WHERE status = 'failed') AS failures
FROM runs
WHERE status IN ('succeeded', 'failed')
  AND workflow = @workflow
  AND completed_at > @now - @window_ms
  AND completed_at <= @now;

SELECT substr(error, 1, 500) AS message, count(*) AS count
FROM runs
WHERE status IN ('succeeded', 'failed')
  AND status = 'failed'
  AND error IS NOT NULL
  AND workflow = @workflow
  AND completed_at > @now - @window_ms
  AND completed_at <= @now
GROUP BY substr(error, 1, 500)
ORDER BY count(*) DESC, substr(error, 1, 500)
LIMIT @top_errors;
