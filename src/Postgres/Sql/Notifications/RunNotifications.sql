-- A run's notifications, one per execution that ended with an outcome its workflow asked to be told of.
SELECT n.execution, n.outcome, n.webhook, n.state, n.attempts, n.last_error, n.updated_at
FROM {schema}.run_notifications AS n
WHERE n.run_id = @runId
ORDER BY n.execution;
