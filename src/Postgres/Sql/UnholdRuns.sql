-- Transition: unhold (docs/run-states.md#unhold).
-- Runs after the claim, in its transaction: for each (limit, key) of this deployment's concurrency limits that holds
-- runs (waiting > 0, the limit_counters_waiting index) and has a free slot, as many held runs as there are free
-- slots, highest priority first and then oldest due, are due again at the time they were due (so that they go before runs due since). A
-- counter another claim or commit holds is passed over (SKIP LOCKED): that one unholds it, or the next claim does.
-- Held runs a concurrent claim made and committed after this statement's snapshot are not seen: waiting goes down
-- only by the runs released, so they are released by a later claim. Answers how many were released and whether the
-- claim before it passed over runs (held, delayed, or waiting for a new counter), so that the worker claims again.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
limits AS (
    SELECT l.name, l.concurrency
    FROM unnest(@limit_names::text[], @limit_concurrency::integer[]) AS l(name, concurrency)
    WHERE l.concurrency > 0
),
open AS (
    SELECT c.name, c.key, LEAST(c.waiting, l.concurrency - c.running) AS free
    FROM {schema}.limit_counters AS c
    JOIN limits AS l ON l.name = c.name
    WHERE c.waiting > 0
      AND c.running < l.concurrency
    ORDER BY c.name, c.key
    FOR UPDATE OF c SKIP LOCKED
),
picked AS (
    SELECT h.id, o.name, o.key
    FROM open AS o
    CROSS JOIN LATERAL (
        SELECT r.id
        FROM {schema}.runs AS r
        WHERE r.held_limit = o.name
          AND r.held_key = o.key
          AND r.status = 'pending'
        ORDER BY r.priority DESC, r.held_due_at
        LIMIT o.free
        FOR UPDATE OF r SKIP LOCKED) AS h
),
released AS (
    UPDATE {schema}.runs AS r
    SET next_attempt_at = r.held_due_at,
        held_limit = NULL,
        held_key = NULL,
        held_due_at = NULL,
        updated_at = clock.now
    FROM picked AS p, clock
    WHERE r.id = p.id
    RETURNING p.name, p.key
),
counted AS (
    UPDATE {schema}.limit_counters AS c
    SET waiting = GREATEST(0, c.waiting - n.runs)
    FROM (SELECT name, key, count(*) AS runs FROM released GROUP BY name, key) AS n
    WHERE c.name = n.name
      AND c.key = n.key
)
SELECT (SELECT count(*) FROM released)::integer AS released,
       COALESCE(current_setting('inquir.passed_over', true), '') = 'yes' AS passed_over;
