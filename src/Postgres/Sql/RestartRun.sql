-- Starts a finished run again from scratch as a new run with the stored input, linked to the original. The
-- original's idempotency key stays with the original (keys are unique per workflow).
INSERT INTO {schema}.runs (id, workflow, status, input, restarted_from, created_at, updated_at, next_attempt_at)
SELECT @new_id, o.workflow, 'pending', o.input, o.id, clock.now, clock.now, clock.now
FROM {schema}.runs AS o, (SELECT COALESCE(@now::timestamptz, now()) AS now) AS clock
WHERE o.id = @id
  AND o.status IN ('succeeded', 'failed', 'cancelled')
RETURNING id;
