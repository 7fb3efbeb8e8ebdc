-- Retention: deletes at most @limit runs of the given finished statuses that ended before @cutoff, oldest first
-- (the runs_finished index), with their checkpoints and attempts. Bounded, so that no statement holds many
-- locks or writes much WAL at once; SKIP LOCKED lets several processes sweep side by side.
WITH doomed AS (
    SELECT id
    FROM {schema}.runs
    WHERE status = ANY (@statuses)
      AND completed_at IS NOT NULL
      AND completed_at < @cutoff
    ORDER BY status, completed_at
    LIMIT @limit
    FOR UPDATE SKIP LOCKED
)
DELETE FROM {schema}.runs AS r
USING doomed AS d
WHERE r.id = d.id;
