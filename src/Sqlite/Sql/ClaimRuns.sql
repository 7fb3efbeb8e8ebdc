-- Transition: claim (docs/run-states.md#claim).
-- One statement claims as many due runs as the worker has free slots. The inner SELECT matches the runs_due
-- partial index (status = 'pending', ORDER BY next_attempt_at); SQLite has one writer at a time, so no two
-- claims ever see the same pending row. @known is the deployment's (workflow, step index, step name) triples as
-- a JSON array of arrays: a run at any other step is left for a worker that knows it. Each run gets a fresh
-- random lease token (a version-4 UUID made from randomblob). Each claimed run comes back with its stored trace
-- context, how long it waited since it became due (SET reads the old next_attempt_at into attempt_due_at) and the
-- fingerprint of the steps it was started with (null before they were recorded), and the event it waited for when
-- an event or its timeout woke it. With limits, @admitted is the JSON array of the runs the limit gate let through
-- (SqliteLimits.cs): no other run is claimed.
UPDATE runs
SET status = 'running',
    attempt = attempt + 1,
    lease_owner = @owner,
    lease_token = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
    lease_expires_at = @now + @lease_ms,
    attempt_due_at = next_attempt_at,
    next_attempt_at = NULL,
    started_at = COALESCE(started_at, @now),
    attempt_started_at = @now,
    updated_at = @now
WHERE id IN (
    SELECT r.id
    FROM runs AS r INDEXED BY runs_due
    WHERE r.status = 'pending'
      AND r.next_attempt_at <= @now
      AND EXISTS (SELECT 1 FROM json_each(@known) AS k
                  WHERE k.value ->> 0 = r.workflow
                    AND k.value ->> 1 = r.step_index
                    AND (r.step_name IS NULL OR r.step_name = k.value ->> 2))
      AND (@admitted IS NULL OR r.id IN (SELECT value FROM json_each(@admitted)))
    ORDER BY r.next_attempt_at
    LIMIT @limit)
RETURNING id, workflow, step_index, attempt, lease_token, parent_run_id, execution,
    CASE WHEN step_index = 0 THEN input
         ELSE (SELECT c.output FROM checkpoints AS c WHERE c.run_id = runs.id AND c.step_index = runs.step_index - 1)
    END AS step_input,
    step_name,
    awaited_runs,
    trace_parent, trace_state, @now - attempt_due_at AS queue_wait_ms,
    shape, awaited_event;
