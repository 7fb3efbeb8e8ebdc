-- Locks runs in id order (as the completion, renewal and release lock them, so that none deadlock), before a
-- statement that may wake a waiting run. The statement after it takes a new snapshot: it sees every commit of
-- a sibling child that held one of these locks before, so two children ending at once cannot both miss the
-- other's end and leave their parent waiting forever.
SELECT id
FROM {schema}.runs
WHERE id = ANY (@run_ids)
ORDER BY id
FOR UPDATE;
