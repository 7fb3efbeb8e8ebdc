-- Transition: retention delete (docs/run-states.md#retention-delete).
-- Retention: deletes at most @limit runs of the given finished statuses (@statuses, a JSON array) that ended more
-- than @age milliseconds before @now (a test's fake time, else SQLite's clock, as Now.sql reads it), oldest first (the runs_expirable index), with their checkpoints and attempts (ON DELETE
-- CASCADE). Only runs without a parent: a child's idempotency key is derived from its parent's step, so while the
-- parent is kept the child must be too; deleting a parent sets its children's parent_run_id to null.
DELETE FROM runs
WHERE id IN (
    SELECT id
    FROM runs INDEXED BY runs_expirable
    WHERE status IN (SELECT value FROM json_each(@statuses))
      AND completed_at IS NOT NULL
      AND completed_at < COALESCE(@now, CAST(unixepoch('subsec') * 1000 AS INTEGER)) - @age
      AND parent_run_id IS NULL
    ORDER BY status, completed_at
    LIMIT @limit);
