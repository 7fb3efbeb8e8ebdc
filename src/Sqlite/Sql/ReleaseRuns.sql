-- Transition: release (docs/run-states.md#release).
-- Hands back runs a stopping worker still holds with those lease tokens, due at once, with the attempt not counted.
UPDATE runs
SET status = 'pending',
    next_attempt_at = @now,
    attempt = max(attempt - 1, 0),
    lease_owner = NULL,
    lease_token = NULL,
    lease_expires_at = NULL,
    updated_at = @now
WHERE status = 'running'
  AND (id, lease_token) IN (SELECT h.value ->> 0, h.value ->> 1 FROM json_each(@held) AS h)
RETURNING id;
