-- Transitions: claim (docs/run-states.md#claim), hold at a limit (#hold-at-a-limit), delay for a rate (#delay-for-a-rate).
-- One statement claims as many due runs as the worker has free slots: highest priority first, then oldest due, from
-- the queues the worker serves (@queues; null serves every queue) that are not paused. SKIP LOCKED lets workers
-- claim side by side.
-- Every read is bounded by the due time, however many runs sleep, back off or are held (runs_due_by_band, ordered by
-- queue, priority and due time): bands finds the (queue, priority) pairs that hold pending runs with one index
-- descent each (a loose index scan); ranked reads each band the worker may claim from up to the due time and at most
-- @limit of its due runs, and keeps the best @limit of them all; due then locks, band by band, as many runs as ranked
-- took from that band, passing over runs another worker holds locked (so two workers claiming at once both fill their
-- slots). A condition that holds runs back belongs in both band reads (ranked and due).
-- Due and lease times come from the database's clock (@now is null in production; tests pass a fake time), so
-- that workers whose clocks disagree still agree on which leases hold. A run at a step this deployment does not
-- know (a newer deployment started it, or an older one left it there) is left for a worker that knows it.
-- Each claimed run comes back with its stored trace context, how long it waited since it became due, and the
-- fingerprint of the steps it was started with (null before they were recorded), how often its step snoozed, and
-- the event it waited for when an event or its timeout woke it. A sleeping or snoozed run is claimed like any due
-- run; the claim clears why it slept.
-- The limit gate (docs/flow-control.md) sits between the due runs and the claim: each due run's limits at its step
-- (@gate_*: one row per workflow, step index and limit; @limit_*: one per limit) are checked against their counters,
-- locked in (name, key) order. A run whose concurrency limit is full is held (out of the due index's reach until a
-- slot frees, see UnholdRuns.sql); a run over a rate is made due when its token will exist; the others fit when
-- their place among this claim's runs of each limit (highest priority first, then oldest due) is within its free
-- slots and tokens. At most @take runs are claimed, highest priority first, then oldest due; the rest are left as
-- they are. A (limit, key) seen for the first time gets its counter row here, and its runs wait for the next claim,
-- which sees the row. Each of those (a counter made, a run held or delayed) sets the transaction's
-- inquir.passed_over, which UnholdRuns.sql answers: runs behind them may be due, so the worker claims again at once
-- instead of waiting for its next poll.
WITH RECURSIVE clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
known AS (
    SELECT * FROM unnest(@known_workflows::text[], @known_step_indexes::integer[], @known_step_names::text[])
             AS k(workflow, step_index, step_name)
),
bands AS (
    (SELECT r.queue, r.priority
     FROM {schema}.runs AS r
     WHERE r.status = 'pending'
     ORDER BY r.queue, r.priority
     LIMIT 1)
    UNION ALL
    SELECT next.queue, next.priority
    FROM bands AS b
    CROSS JOIN LATERAL (
        SELECT r.queue, r.priority
        FROM {schema}.runs AS r
        WHERE r.status = 'pending'
          AND (r.queue, r.priority) > (b.queue, b.priority)
        ORDER BY r.queue, r.priority
        LIMIT 1) AS next
),
open_bands AS (
    SELECT b.queue, b.priority
    FROM bands AS b
    WHERE (@queues::text[] IS NULL OR b.queue = ANY (@queues::text[]))
      AND NOT EXISTS (SELECT 1 FROM {schema}.queues AS q WHERE q.name = b.queue AND q.paused)
),
ranked AS (
    SELECT c.queue, c.priority
    FROM open_bands AS b
    CROSS JOIN LATERAL (
        -- The due time is written out, not read from the clock CTE, so that it bounds the index scan; the caller
        -- turns bitmap scans and sorts off, so that stale statistics cannot make a claim read every due run of a band.
        SELECT r.queue, r.priority, r.next_attempt_at
        FROM {schema}.runs AS r
        WHERE r.status = 'pending'
          AND r.queue = b.queue
          AND r.priority = b.priority
          AND r.next_attempt_at <= COALESCE(@now::timestamptz, now())
          AND r.workflow = ANY (@known_workflows::text[])
          AND EXISTS (SELECT 1 FROM known AS k
                      WHERE k.workflow = r.workflow
                        AND k.step_index = r.step_index
                        AND (r.step_name IS NULL OR r.step_name = k.step_name))
        ORDER BY r.next_attempt_at
        LIMIT @limit) AS c
    ORDER BY c.priority DESC, c.next_attempt_at
    LIMIT @limit
),
shares AS (
    SELECT queue, priority, count(*) AS runs
    FROM ranked
    GROUP BY queue, priority
),
due AS (
    SELECT d.*
    FROM shares AS s
    CROSS JOIN LATERAL (
        SELECT r.id, r.next_attempt_at AS due_at, r.priority, r.workflow, r.step_index, r.limit_keys
        FROM {schema}.runs AS r
        WHERE r.status = 'pending'
          AND r.queue = s.queue
          AND r.priority = s.priority
          AND r.next_attempt_at <= COALESCE(@now::timestamptz, now())
          AND r.workflow = ANY (@known_workflows::text[])
          AND EXISTS (SELECT 1 FROM known AS k
                      WHERE k.workflow = r.workflow
                        AND k.step_index = r.step_index
                        AND (r.step_name IS NULL OR r.step_name = k.step_name))
        ORDER BY r.next_attempt_at
        LIMIT s.runs
        FOR UPDATE OF r SKIP LOCKED) AS d
),
limits AS (
    SELECT *
    FROM unnest(@limit_names::text[], @limit_concurrency::integer[], @limit_rate_counts::integer[],
                @limit_rate_seconds::double precision[], @limit_keyed::boolean[])
         AS l(name, concurrency, rate_count, rate_seconds, keyed)
),
gates AS (
    SELECT d.id, d.due_at, d.priority, l.name, l.concurrency, l.rate_count, l.rate_seconds,
           CASE WHEN l.keyed THEN COALESCE(d.limit_keys ->> l.name, '') ELSE '' END AS key
    FROM due AS d
    JOIN unnest(@gate_workflows::text[], @gate_step_indexes::integer[], @gate_limits::text[]) AS g(workflow, step_index, name)
      ON g.workflow = d.workflow AND g.step_index = d.step_index
    JOIN limits AS l ON l.name = g.name
),
created AS (
    INSERT INTO {schema}.limit_counters (name, key, running, waiting, tokens, refilled_at)
    SELECT DISTINCT g.name, g.key, 0, 0, g.rate_count, clock.now
    FROM gates AS g, clock
    ON CONFLICT (name, key) DO NOTHING
    RETURNING set_config('inquir.passed_over', 'yes', true)
),
-- The due runs' (limit, key) pairs in the order their counters are locked in. This short list is sorted (the one
-- sort the claim allows itself: nothing else gives its order) and each counter found by its primary key from it;
-- ordering the counters themselves had the planner, with sorts off, walk the whole counters index for that order
-- and read every key's counter at every claim.
wanted AS MATERIALIZED (
    SELECT DISTINCT g.name, g.key
    FROM gates AS g
    ORDER BY g.name, g.key
),
-- FOR UPDATE waits for a claim or commit that holds a counter and then reads its newest version. A locking subquery
-- is never flattened, so the counters are locked one by one in the list's order.
counters AS (
    SELECT c.name, c.key, c.running, c.tokens, c.refilled_at
    FROM wanted AS w
    CROSS JOIN LATERAL (
        SELECT c.name, c.key, c.running, c.tokens, c.refilled_at
        FROM {schema}.limit_counters AS c
        WHERE c.name = w.name
          AND c.key = w.key
        FOR UPDATE OF c) AS c
),
state AS (
    SELECT g.*, c.name IS NULL AS missing, c.running,
           CASE WHEN g.rate_count > 0
                THEN LEAST(g.rate_count::double precision,
                           c.tokens + EXTRACT(EPOCH FROM clock.now - c.refilled_at) * g.rate_count / g.rate_seconds)
           END AS tokens
    FROM gates AS g
    CROSS JOIN clock
    LEFT JOIN counters AS c ON c.name = g.name AND c.key = g.key
),
verdicts AS (
    SELECT s.id, bool_or(s.missing) AS missing,
           min(s.name) FILTER (WHERE s.concurrency > 0 AND s.running >= s.concurrency) AS full_limit
    FROM state AS s
    GROUP BY s.id
),
placed AS (
    SELECT s.*, row_number() OVER (PARTITION BY s.name, s.key ORDER BY s.priority DESC, s.due_at, s.id) AS place
    FROM state AS s
    JOIN verdicts AS v ON v.id = s.id
    WHERE NOT v.missing AND v.full_limit IS NULL
),
fits AS (
    SELECT p.id,
           bool_and((p.concurrency = 0 OR p.running + p.place <= p.concurrency)
                    AND (p.rate_count = 0 OR p.place <= p.tokens)) AS fits,
           max(CASE WHEN p.rate_count > 0 AND p.place > p.tokens
                    THEN (p.place - p.tokens) * p.rate_seconds / p.rate_count END) AS wait_seconds
    FROM placed AS p
    GROUP BY p.id
),
admitted AS (
    SELECT d.id, d.due_at
    FROM due AS d
    LEFT JOIN fits AS f ON f.id = d.id
    WHERE COALESCE(f.fits, NOT EXISTS (SELECT 1 FROM gates AS g WHERE g.id = d.id))
    ORDER BY d.priority DESC, d.due_at, d.id
    LIMIT @take
),
held AS (
    UPDATE {schema}.runs AS r
    SET next_attempt_at = 'infinity',
        held_limit = v.full_limit,
        held_key = (SELECT s.key FROM state AS s WHERE s.id = v.id AND s.name = v.full_limit),
        held_due_at = r.next_attempt_at,
        updated_at = clock.now
    FROM verdicts AS v, clock
    WHERE r.id = v.id
      AND NOT v.missing
      AND v.full_limit IS NOT NULL
    RETURNING r.held_limit, r.held_key, set_config('inquir.passed_over', 'yes', true)
),
delayed AS (
    UPDATE {schema}.runs AS r
    SET next_attempt_at = clock.now + make_interval(secs => f.wait_seconds),
        updated_at = clock.now
    FROM fits AS f, clock
    WHERE r.id = f.id
      AND NOT f.fits
      AND f.wait_seconds IS NOT NULL
    RETURNING set_config('inquir.passed_over', 'yes', true)
),
taken AS (
    SELECT s.name, s.key, count(*) AS runs
    FROM state AS s
    JOIN admitted AS a ON a.id = s.id
    GROUP BY s.name, s.key
),
holds AS (
    SELECT h.held_limit AS name, h.held_key AS key, count(*) AS runs
    FROM held AS h
    GROUP BY h.held_limit, h.held_key
),
counted AS (
    UPDATE {schema}.limit_counters AS c
    SET running = c.running + CASE WHEN u.concurrency > 0 THEN COALESCE(t.runs, 0) ELSE 0 END,
        waiting = c.waiting + COALESCE(h.runs, 0),
        tokens = CASE WHEN u.rate_count > 0 AND t.runs IS NOT NULL THEN u.tokens - t.runs ELSE c.tokens END,
        refilled_at = CASE WHEN u.rate_count > 0 AND t.runs IS NOT NULL THEN clock.now ELSE c.refilled_at END
    FROM (SELECT DISTINCT s.name, s.key, s.concurrency, s.rate_count, s.tokens FROM state AS s WHERE NOT s.missing) AS u
    LEFT JOIN taken AS t ON t.name = u.name AND t.key = u.key
    LEFT JOIN holds AS h ON h.name = u.name AND h.key = u.key
    CROSS JOIN clock
    WHERE c.name = u.name
      AND c.key = u.key
      AND (t.runs IS NOT NULL OR h.runs IS NOT NULL)
)
UPDATE {schema}.runs AS r
SET status = 'running',
    attempt = r.attempt + 1,
    lease_owner = @owner,
    lease_token = gen_random_uuid(),
    lease_expires_at = clock.now + make_interval(secs => @lease_seconds::double precision),
    next_attempt_at = NULL,
    started_at = COALESCE(r.started_at, clock.now),
    attempt_started_at = clock.now,
    sleep = NULL,
    updated_at = clock.now,
    slots = (SELECT jsonb_agg(jsonb_build_array(s.name, s.key) ORDER BY s.name)
             FROM state AS s WHERE s.id = r.id AND s.concurrency > 0)
FROM admitted, clock
WHERE r.id = admitted.id
RETURNING r.id, r.workflow, r.step_index, r.attempt, r.lease_token, r.parent_run_id, r.execution,
    CASE WHEN r.step_index = 0 THEN r.input::text
         ELSE (SELECT c.output::text FROM {schema}.checkpoints AS c
               WHERE c.run_id = r.id AND c.step_index = r.step_index - 1)
    END AS step_input,
    r.step_name,
    to_json(r.awaited_runs)::text AS awaited_runs,
    r.trace_parent, r.trace_state, EXTRACT(EPOCH FROM clock.now - admitted.due_at)::double precision AS queue_wait_seconds,
    r.shape, r.slots IS NOT NULL AS holds_slots, r.snoozes, r.awaited_event;
