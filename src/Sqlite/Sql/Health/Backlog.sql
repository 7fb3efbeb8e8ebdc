-- Runs that are due and not claimed: how many, and how long the oldest has waited (milliseconds). Served by the
-- runs_due index (the claim's), so it stays cheap however much history the table holds.
SELECT count(*) AS due, @now - min(next_attempt_at) AS oldest_wait_ms
FROM runs INDEXED BY runs_due
WHERE status = 'pending'
  AND next_attempt_at <= @now;
