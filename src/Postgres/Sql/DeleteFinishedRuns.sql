-- Transition: retention delete (docs/run-states.md#retention-delete).
-- Retention: deletes at most @limit runs of the given finished statuses that ended more than @age ago on the
-- database's clock (@now is null in production; tests pass a fake time), so that a host whose clock is ahead deletes
-- nothing early. Oldest first
-- (the runs_expirable index), with their checkpoints and attempts. Bounded, so that no statement holds many
-- locks or writes much WAL at once; SKIP LOCKED lets several processes sweep side by side.
-- Only runs without a parent: a child's idempotency key is derived from its parent's step, so while the parent
-- is kept (and may be replayed) the child must be too. Deleting a parent sets its children's parent_run_id to
-- null (ON DELETE SET NULL); from then on each child is judged by its own age, in a later batch or sweep.
WITH doomed AS (
    SELECT id
    FROM {schema}.runs
    WHERE status = ANY (@statuses)
      AND completed_at IS NOT NULL
      AND completed_at < COALESCE(@now::timestamptz, now()) - @age::interval
      AND parent_run_id IS NULL
    ORDER BY status, completed_at
    LIMIT @limit
    FOR UPDATE SKIP LOCKED
)
DELETE FROM {schema}.runs AS r
USING doomed AS d
WHERE r.id = d.id;
