-- Transition: rescue (docs/run-states.md#rescue).
-- Hands back runs whose worker stopped renewing its lease (it died or lost the database): the run becomes due at
-- once. Expiry is judged by the same clock that set it.
UPDATE runs
SET status = 'pending',
    next_attempt_at = @now,
    error = 'the lease of worker ' || lease_owner || ' expired during attempt ' || attempt
            || ' of step ' || COALESCE(step_name, CAST(step_index AS TEXT)),
    lease_owner = NULL,
    lease_token = NULL,
    lease_expires_at = NULL,
    attempt_started_at = NULL,
    updated_at = @now
WHERE id IN (SELECT id FROM runs INDEXED BY runs_leased
             WHERE status = 'running' AND lease_expires_at < @now
             ORDER BY lease_expires_at
             LIMIT @limit)
RETURNING id;
