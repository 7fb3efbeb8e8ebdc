-- Transition: unhold (docs/run-states.md#unhold).
-- After a claim, in its write transaction, for one (limit, key) with free slots: up to @free held runs, highest
-- priority first and then oldest due, are due again at the time they were due, and the count of waiting runs goes down by as many (counted
-- first, from the same runs: nothing else writes meanwhile). Answers how many were released.
UPDATE limit_counters
SET waiting = max(0, waiting - (SELECT count(*)
                                FROM (SELECT 1
                                      FROM runs AS r INDEXED BY runs_held
                                      WHERE r.held_limit = @limit
                                        AND r.held_key = @key
                                      LIMIT @free)))
WHERE name = @limit
  AND key = @key;

UPDATE runs
SET next_attempt_at = held_due_at,
    held_limit = NULL,
    held_key = NULL,
    held_due_at = NULL,
    updated_at = @now
WHERE id IN (SELECT r.id
             FROM runs AS r INDEXED BY runs_held
             WHERE r.held_limit = @limit
               AND r.held_key = @key
             ORDER BY r.priority DESC, r.held_due_at
             LIMIT @free);

SELECT changes() AS released;
