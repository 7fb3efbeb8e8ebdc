-- A run's notifications, one per execution that ended with an outcome its workflow asked to be told of.
SELECT execution, outcome, webhook, state, attempts, last_error, updated_at
FROM run_notifications
WHERE run_id = @run_id
ORDER BY execution;
