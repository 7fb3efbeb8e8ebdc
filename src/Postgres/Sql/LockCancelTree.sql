-- Transitions: fail (docs/run-states.md#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), cancel tree (#cancel-tree), deadline (#deadline).
-- Locks, in id order, every run a cancel of @id may change: the run; its unended descendants (the children its
-- steps started, and down every unended child, theirs), whatever the run's status, so that a running run's or a
-- failed run's children go with it; and the run's parent, whose wait the cancel may end. The tree is read from
-- this statement's snapshot, taken before the locks are held: the caller runs it again until it returns only runs
-- it had locked already, so that the tree it cancels is the one seen with every run of it locked (a commit that
-- parked a run of it, or started a child of it, while this waited is seen).
WITH RECURSIVE tree AS (
    SELECT r.id
    FROM {schema}.runs AS r
    WHERE r.id = @id
    UNION
    SELECT k.id
    FROM tree AS t
    JOIN {schema}.runs AS k ON k.parent_run_id = t.id
    WHERE k.status IN ('pending', 'running', 'waiting')
),
parent AS (
    SELECT parent_run_id AS id FROM {schema}.runs WHERE id = @id AND parent_run_id IS NOT NULL
)
SELECT r.id, r.id IN (SELECT id FROM parent) AS is_parent
FROM {schema}.runs AS r
WHERE r.id = ANY (ARRAY(SELECT id FROM tree UNION ALL SELECT id FROM parent))
ORDER BY r.id
FOR UPDATE OF r;
