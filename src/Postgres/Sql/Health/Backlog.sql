-- Runs that are due and not claimed: how many, and how long the oldest has waited. Served by the runs_due index
-- (the claim query's), so it stays cheap however much history the table holds.
SELECT count(*)::bigint AS due,
       COALESCE(@now::timestamptz, now()) - min(next_attempt_at) AS oldest_wait
FROM {schema}.runs
WHERE status = 'pending'
  AND next_attempt_at <= COALESCE(@now::timestamptz, now());
