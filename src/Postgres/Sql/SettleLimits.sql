-- Transition: free limit slots (docs/run-states.md#free-limit-slots).
-- Runs in the transaction of every transition that may end a run's hold on its limits (a completion, a fail, a
-- cancel, a release, a rescue), after it: a run that holds slots but no longer runs gives them back, and a run that
-- a limit held but that is no longer pending (cancelled) leaves its count of waiting runs. The runs_unsettled index
-- holds only such runs, and only until this statement clears them in the same commit. The counters are locked in
-- (name, key) order, as the claim locks them, so that none deadlock; the held runs a freed slot lets through are
-- released by the next claim (UnholdRuns.sql), which the worker whose run ended makes at once.
WITH unsettled AS (
    SELECT r.id, r.status, r.slots, r.held_limit, r.held_key
    FROM {schema}.runs AS r
    WHERE (r.slots IS NOT NULL AND r.status <> 'running')
       OR (r.held_limit IS NOT NULL AND r.status <> 'pending')
    FOR UPDATE OF r
),
freed AS (
    SELECT s.value ->> 0 AS name, s.value ->> 1 AS key, 1 AS running, 0 AS waiting
    FROM unsettled AS u
    CROSS JOIN LATERAL jsonb_array_elements(u.slots) AS s(value)
    WHERE u.slots IS NOT NULL
      AND u.status <> 'running'
    UNION ALL
    SELECT u.held_limit, u.held_key, 0, 1
    FROM unsettled AS u
    WHERE u.held_limit IS NOT NULL
      AND u.status <> 'pending'
),
sums AS (
    SELECT f.name, f.key, sum(f.running) AS running, sum(f.waiting) AS waiting
    FROM freed AS f
    GROUP BY f.name, f.key
),
locked AS (
    SELECT c.name, c.key
    FROM {schema}.limit_counters AS c
    JOIN sums AS s ON s.name = c.name AND s.key = c.key
    ORDER BY c.name, c.key
    FOR UPDATE OF c
),
counted AS (
    UPDATE {schema}.limit_counters AS c
    SET running = GREATEST(0, c.running - s.running),
        waiting = GREATEST(0, c.waiting - s.waiting)
    FROM sums AS s
    JOIN locked AS l ON l.name = s.name AND l.key = s.key
    WHERE c.name = s.name
      AND c.key = s.key
),
cleared AS (
    UPDATE {schema}.runs AS r
    SET slots = CASE WHEN r.status = 'running' THEN r.slots END,
        held_limit = CASE WHEN r.status = 'pending' THEN r.held_limit END,
        held_key = CASE WHEN r.status = 'pending' THEN r.held_key END,
        held_due_at = CASE WHEN r.status = 'pending' THEN r.held_due_at END
    FROM unsettled AS u
    WHERE r.id = u.id
)
SELECT count(*)::integer AS settled FROM unsettled;
