-- Transitions: fail (docs/run-states.md#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), cancel tree (#cancel-tree), deadline (#deadline).
-- The runs a cancel of @id may end: the run and its unended descendants (the children its steps started and, down
-- every unended child, theirs), whatever the run's status, so that a running or failed run's children go with it.
-- Read in the write transaction that cancels them: SQLite has one writer, so the tree cannot change meanwhile.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM runs WHERE id = @id
    UNION
    SELECT k.id
    FROM tree AS t
    JOIN runs AS k ON k.parent_run_id = t.id
    WHERE k.status IN ('pending', 'running', 'waiting')
)
SELECT id FROM tree;
