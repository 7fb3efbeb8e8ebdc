-- Starts a finished run again from scratch as a new run with the stored input, linked to the original. The
-- original's idempotency key stays with the original (keys are unique per workflow).
INSERT INTO runs (id, workflow, status, input, restarted_from, created_at, updated_at, next_attempt_at)
SELECT @new_id, o.workflow, 'pending', o.input, o.id, @now, @now, @now
FROM runs AS o
WHERE o.id = @id
  AND o.status IN ('succeeded', 'failed', 'cancelled')
RETURNING id;
