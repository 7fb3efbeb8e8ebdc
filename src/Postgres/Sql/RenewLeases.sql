-- Transition: renew (docs/run-states.md#renew).
-- One statement renews the leases of all of a worker's in-flight runs, each matched by its lease token (the
-- claim that made it), never by run id or owner alone: a lease this worker's earlier claim held is not renewed
-- for a later claim of the same run. Runs are locked in id order, as completions and releases lock them, so that
-- none of them deadlock. The new expiry comes from the database's clock. A run missing from the result is no
-- longer held with that token.
WITH held AS (
    SELECT * FROM unnest(@run_ids::uuid[], @lease_tokens::uuid[]) AS h(run_id, lease_token)
),
locked AS (
    SELECT r.id
    FROM {schema}.runs AS r
    JOIN held AS h ON h.run_id = r.id AND h.lease_token = r.lease_token
    WHERE r.status = 'running'
    ORDER BY r.id
    FOR UPDATE OF r
)
UPDATE {schema}.runs AS r
SET lease_expires_at = COALESCE(@now::timestamptz, now()) + make_interval(secs => @lease_seconds::double precision)
FROM locked AS l
WHERE r.id = l.id
RETURNING r.id, r.lease_token;
