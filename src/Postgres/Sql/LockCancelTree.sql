-- Locks, in id order, every run a cancel may change: the run; when it waits, the children it waits for and,
-- down every child that waits in turn, theirs; and the run's parent, whose wait the cancel may end. Taken
-- before the cancel's own statement, so that a child ending at the same time is either seen ended or fenced
-- off, and no sibling's end is missed.
WITH RECURSIVE tree AS (
    SELECT r.id, r.status, r.awaited_runs
    FROM {schema}.runs AS r
    WHERE r.id = @id
    UNION ALL
    SELECT k.id, k.status, k.awaited_runs
    FROM tree AS t
    JOIN {schema}.runs AS k ON k.id = ANY (t.awaited_runs)
    WHERE t.status = 'waiting'
),
parent AS (
    SELECT parent_run_id AS id FROM {schema}.runs WHERE id = @id AND parent_run_id IS NOT NULL
)
SELECT r.id, r.id IN (SELECT id FROM parent) AS is_parent
FROM {schema}.runs AS r
WHERE r.id IN (SELECT id FROM tree) OR r.id IN (SELECT id FROM parent)
ORDER BY r.id
FOR UPDATE OF r;
