-- Transition: restart (docs/run-states.md#restart).
-- Starts a finished run again from scratch as a new run with the stored input, linked to the original. The
-- original's idempotency key stays with the original (keys are unique per workflow). The new run follows the
-- steps the original was started with (its shape, and the first of those steps by name), whichever process
-- restarts it; an original without a shape gives one without, which follows the steps of the worker that holds it.
-- It keeps the original's queue and priority.
INSERT INTO {schema}.runs (id, workflow, status, input, restarted_from, created_at, updated_at, next_attempt_at, shape, queue, priority, step_name)
SELECT @new_id, o.workflow, 'pending', o.input, o.id, clock.now, clock.now, clock.now, o.shape, o.queue, o.priority,
       (SELECT s.steps[1] FROM {schema}.run_shapes AS s WHERE s.workflow = o.workflow AND s.shape = o.shape)
FROM {schema}.runs AS o, (SELECT COALESCE(@now::timestamptz, now()) AS now) AS clock
WHERE o.id = @id
  AND o.status IN ('succeeded', 'failed', 'cancelled')
RETURNING id;
