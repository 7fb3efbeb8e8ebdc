-- Leases up to @limit due notifications whose webhook this worker knows (@webhooks, a JSON array): a claim moves
-- next_attempt_at past the lease, so a worker that stops or dies mid-post leaves them due again once the lease runs
-- out. Run in a write transaction, so claims happen one at a time.
UPDATE run_notifications
SET lease_owner = @owner,
    next_attempt_at = @now + @lease_ms,
    updated_at = @now
WHERE (run_id, execution) IN (
    SELECT n.run_id, n.execution
    FROM run_notifications AS n
    WHERE n.state = 'pending'
      AND n.next_attempt_at <= @now
      AND n.webhook IN (SELECT value FROM json_each(@webhooks))
    ORDER BY n.next_attempt_at
    LIMIT @limit)
RETURNING run_id, execution, workflow, outcome, webhook, error, ended_at, attempts;
