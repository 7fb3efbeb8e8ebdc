-- Transition: rescue (docs/run-states.md#rescue).
-- The rescue's first half: the attempts in flight on runs whose lease expired are recorded as abandoned (they
-- still count). The same runs, in the same order and limit, are then made due by RescueExpiredLeases.sql in the
-- same write transaction, so that both statements see the same runs.
INSERT INTO attempts (run_id, step_index, step_name, attempt, execution, worker, started_at, duration_ms,
                      outcome, error_type, error_message)
SELECT id, step_index, COALESCE(step_name, CAST(step_index AS TEXT)), attempt, execution, lease_owner,
       COALESCE(attempt_started_at, @now), max(0, @now - COALESCE(attempt_started_at, @now)),
       'abandoned', 'LeaseExpired',
       'worker ' || lease_owner || ' stopped renewing its lease while this attempt ran'
FROM runs INDEXED BY runs_leased
WHERE status = 'running'
  AND lease_expires_at < @now
ORDER BY lease_expires_at
LIMIT @limit;
