-- Leases up to @limit due notifications whose webhook this worker knows (@webhooks): a claim moves next_attempt_at
-- past the lease, so a worker that stops or dies mid-post leaves them due again once the lease runs out. SKIP
-- LOCKED lets workers claim side by side without waiting for each other or taking the same row.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now),
due AS (
    SELECT n.run_id, n.execution
    FROM {schema}.run_notifications AS n, clock
    WHERE n.state = 'pending'
      AND n.next_attempt_at <= clock.now
      AND n.webhook = ANY(@webhooks::text[])
    ORDER BY n.next_attempt_at
    LIMIT @limit
    FOR UPDATE SKIP LOCKED
)
UPDATE {schema}.run_notifications AS n
SET lease_owner = @owner,
    next_attempt_at = clock.now + @lease::interval,
    updated_at = clock.now
FROM due, clock
WHERE n.run_id = due.run_id AND n.execution = due.execution
RETURNING n.run_id, n.execution, n.workflow, n.outcome, n.webhook, n.error, n.ended_at, n.attempts;
