-- Transition: fail without an attempt (docs/run-states.md#fail-without-an-attempt).
-- Fails a claimed run without an attempt of user code: its stored data cannot be read, or its last attempt was
-- abandoned with no retries left.
UPDATE {schema}.runs
SET status = 'failed',
    error = @error,
    completed_at = COALESCE(@now::timestamptz, now()),
    lease_owner = NULL,
    lease_token = NULL,
    lease_expires_at = NULL,
    updated_at = COALESCE(@now::timestamptz, now())
WHERE id = @id
  AND lease_token = @lease_token
  AND status = 'running'
RETURNING id;
