-- The runs a cancel ends: the run and, when it waits, the children it waits for and, down every child that
-- waits in turn, theirs.
WITH RECURSIVE tree(id, status, awaited_runs) AS (
    SELECT id, status, awaited_runs FROM runs WHERE id = @id
    UNION ALL
    SELECT k.id, k.status, k.awaited_runs
    FROM tree AS t, json_each(t.awaited_runs) AS j
    JOIN runs AS k ON k.id = j.value
    WHERE t.status = 'waiting'
)
SELECT id FROM tree;
