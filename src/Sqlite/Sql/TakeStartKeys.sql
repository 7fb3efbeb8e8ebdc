-- Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key), debounce (#debounce).
-- Takes one start's key in start_keys when no run holds it, or when the run that holds it no longer does under the
-- start's policy (see PostgreSQL's TakeStartKeys.sql for the rules, which are the same here). RETURNING names the
-- run when the key was taken; the store then inserts that run (StartRun.sql, with @start_key), in the same write
-- transaction, whose single writer lets no other start of the key in between.
INSERT INTO start_keys AS k (workflow, start_key, run_id, policy, period_ms, taken_at)
VALUES (@workflow, @start_key, @id, @policy, @period_ms, @now)
ON CONFLICT (workflow, start_key) DO UPDATE
SET run_id = excluded.run_id, policy = excluded.policy, period_ms = excluded.period_ms, taken_at = excluded.taken_at
WHERE CASE excluded.policy
    WHEN 'unique_while_active' THEN EXISTS (
        SELECT 1 FROM runs AS r WHERE r.id = k.run_id AND r.status IN ('succeeded', 'failed', 'cancelled'))
    WHEN 'unique_for' THEN k.taken_at + excluded.period_ms <= excluded.taken_at
    WHEN 'throttle' THEN k.taken_at / excluded.period_ms < excluded.taken_at / excluded.period_ms
    WHEN 'debounce' THEN EXISTS (
        SELECT 1 FROM runs AS r WHERE r.id = k.run_id AND (r.status <> 'pending' OR r.started_at IS NOT NULL))
END
RETURNING run_id AS id;
