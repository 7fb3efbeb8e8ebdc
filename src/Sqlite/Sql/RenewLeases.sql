-- Transition: renew (docs/run-states.md#renew).
-- One statement renews the leases of all of a worker's in-flight runs, each matched by its lease token (the
-- claim that made it), never by run id or owner alone. @held is a JSON array of [run id, lease token] pairs.
-- A run missing from the result is no longer held with that token.
UPDATE runs
SET lease_expires_at = @now + @lease_ms
WHERE status = 'running'
  AND (id, lease_token) IN (SELECT h.value ->> 0, h.value ->> 1 FROM json_each(@held) AS h)
RETURNING id, lease_token;
