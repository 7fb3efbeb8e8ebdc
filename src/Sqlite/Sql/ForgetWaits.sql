-- Transitions: succeed last (docs/run-states.md#succeed-last), fail (#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), wake (#wake), cancel tree (#cancel-tree), deadline (#deadline).
-- Deletes the rows of run_waits that @ended (a JSON array of ids) ended, after WakeWaitingRuns counted them: those
-- naming one of them as the awaited run (when it has in fact ended; a fenced outcome ended nothing), and those of
-- a run of them that waited itself (a cancelled waiting run).
DELETE FROM run_waits
WHERE parent_run_id IN (SELECT value FROM json_each(@ended))
   OR (child_run_id IN (SELECT value FROM json_each(@ended))
       AND EXISTS (SELECT 1 FROM runs AS k
                   WHERE k.id = run_waits.child_run_id
                     AND k.status IN ('succeeded', 'failed', 'cancelled')));
