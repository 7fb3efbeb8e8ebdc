-- Transition: claim (docs/run-states.md#claim).
-- One statement claims as many due runs as the worker has free slots: highest priority first, then oldest due, from
-- the queues the worker serves (@queues, a JSON array of names; null serves every queue) that are not paused. Every
-- read is bounded by the due time, however many runs sleep, back off or are held (runs_due_by_band, ordered by
-- queue, priority and due time): bands finds the (queue, priority) pairs that hold pending runs with one index
-- descent each (a loose index scan), and each band the worker may claim from is read up to the due time and at most
-- @limit of its due runs; the best @limit of them all are claimed. SQLite has one writer at a time, so no two claims
-- ever see the same pending row. A condition that holds runs back belongs in the band read (and in
-- ClaimCandidates.sql's). @known is the deployment's (workflow, step index, step name) triples as a JSON array of
-- arrays: a run at any other step is left for a worker that knows it. Each run gets a fresh random lease token (a
-- version-4 UUID made from randomblob). Each claimed run comes back with its stored trace context, how long it
-- waited since it became due (SET reads the old next_attempt_at into attempt_due_at) and the fingerprint of the
-- steps it was started with (null before they were recorded). With limits, @admitted is the JSON array of the runs
-- the limit gate let through (SqliteLimits.cs, from ClaimCandidates.sql's runs): no other run is claimed. Each
-- claimed run also says how often its step snoozed, and the event it waited for when an event or its timeout woke
-- it. A sleeping or snoozed run is claimed like any due run; the claim clears why it slept.
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
    sleep = NULL,
    updated_at = @now
WHERE id IN (
    WITH RECURSIVE bands(queue, priority) AS (
        SELECT queue, priority
        FROM (SELECT r.queue, r.priority
              FROM runs AS r INDEXED BY runs_due_by_band
              WHERE r.status = 'pending'
              ORDER BY r.queue, r.priority
              LIMIT 1)
        UNION ALL
        SELECT n.queue, n.priority
        FROM bands AS b
        -- The next priority of the same queue, else the first of the next queue: two index searches, where a row
        -- value comparison would search by queue alone and read the whole band it starts from.
        JOIN runs AS n ON n.rowid = COALESCE(
            (SELECT r.rowid
             FROM runs AS r INDEXED BY runs_due_by_band
             WHERE r.status = 'pending'
               AND r.queue = b.queue
               AND r.priority > b.priority
             ORDER BY r.priority
             LIMIT 1),
            (SELECT r.rowid
             FROM runs AS r INDEXED BY runs_due_by_band
             WHERE r.status = 'pending'
               AND r.queue > b.queue
             ORDER BY r.queue, r.priority
             LIMIT 1))
    )
    SELECT c.id
    FROM bands AS b
    JOIN runs AS c ON c.rowid IN (
        SELECT r.rowid
        FROM runs AS r INDEXED BY runs_due_by_band
        WHERE r.status = 'pending'
          AND r.queue = b.queue
          AND r.priority = b.priority
          AND r.next_attempt_at <= @now
          AND EXISTS (SELECT 1 FROM json_each(@known) AS k
                      WHERE k.value ->> 0 = r.workflow
                        AND k.value ->> 1 = r.step_index
                        AND (r.step_name IS NULL OR r.step_name = k.value ->> 2))
          AND (@admitted IS NULL OR r.id IN (SELECT value FROM json_each(@admitted)))
        ORDER BY r.next_attempt_at
        LIMIT @limit)
    WHERE (@queues IS NULL OR b.queue IN (SELECT value FROM json_each(@queues)))
      AND NOT EXISTS (SELECT 1 FROM queues AS q WHERE q.name = b.queue AND q.paused = 1)
    ORDER BY c.priority DESC, c.next_attempt_at
    LIMIT @limit)
RETURNING id, workflow, step_index, attempt, lease_token, parent_run_id, execution,
    CASE WHEN step_index = 0 THEN input
         ELSE (SELECT c.output FROM checkpoints AS c WHERE c.run_id = runs.id AND c.step_index = runs.step_index - 1)
    END AS step_input,
    step_name,
    awaited_runs,
    trace_parent, trace_state, @now - attempt_due_at AS queue_wait_ms,
    shape, snoozes, awaited_event;
