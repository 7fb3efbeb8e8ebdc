-- One statement renews the leases of all of a worker's in-flight runs; a run missing from the result is no
-- longer this worker's.
UPDATE {schema}.runs
SET lease_expires_at = @lease_expires_at
WHERE id = ANY (@run_ids)
  AND lease_owner = @owner
  AND status = 'running'
RETURNING id;
