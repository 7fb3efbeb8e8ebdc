-- The due runs the limit gate decides on (SqliteLimits.cs), read before ClaimRuns.sql in its write transaction: the
-- same WHERE and ORDER BY as ClaimRuns.sql's inner SELECT, @scan runs deep. A run the claim does not select among
-- them is not claimed, since the claim takes only the runs the gate let through (@admitted).
SELECT r.id, r.workflow, r.step_index, r.limit_keys
FROM runs AS r INDEXED BY runs_due
WHERE r.status = 'pending'
  AND r.next_attempt_at <= @now
  AND EXISTS (SELECT 1 FROM json_each(@known) AS k
              WHERE k.value ->> 0 = r.workflow
                AND k.value ->> 1 = r.step_index
                AND (r.step_name IS NULL OR r.step_name = k.value ->> 2))
ORDER BY r.next_attempt_at
LIMIT @scan;
