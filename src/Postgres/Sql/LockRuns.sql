-- Transitions: succeed last (docs/run-states.md#succeed-last), fail (#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), wait (#wait), wake (#wake), deadline (#deadline), wait for event (#wait-for-event).
-- Locks runs in id order (as the completion, renewal and release lock them, so that none deadlock), before a
-- statement that may wake a waiting run: @run_ids (the batch's runs, the parents its ends may wake, the children
-- the runs it parks wait for) and the unended descendants of @failing (runs that fail for good, whose children
-- are cancelled with them). The statement after it takes a new snapshot: it sees every commit of a sibling child
-- that held one of these locks before, so two children ending at once cannot both miss the other's end and leave
-- their parent waiting forever, and a child cannot end between a parent's look at it and the parent's wait. A run
-- that parks for an event is locked so too: a send of that event, locking the run first, is seen by the park's
-- TakeEvents.sql, or sees the run waiting.
WITH RECURSIVE descendants AS (
    SELECT k.id
    FROM {schema}.runs AS k
    WHERE k.parent_run_id = ANY (@failing)
      AND k.status IN ('pending', 'running', 'waiting')
    UNION
    SELECT k.id
    FROM descendants AS d
    JOIN {schema}.runs AS k ON k.parent_run_id = d.id
    WHERE k.status IN ('pending', 'running', 'waiting')
)
SELECT id
FROM {schema}.runs
WHERE id = ANY (@run_ids || ARRAY(SELECT id FROM descendants))
ORDER BY id
FOR UPDATE;
