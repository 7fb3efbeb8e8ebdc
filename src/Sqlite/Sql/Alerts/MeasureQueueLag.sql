-- A queue-lag rule's numbers: the queue's runs that are due and not claimed, and how long the oldest has waited in
-- milliseconds (null when none is due). Reads the queue's pending runs through runs_due_by_band (queue, priority, next_attempt_at).
SELECT count(*) AS due, @now - min(next_attempt_at) AS oldest_wait_ms
FROM runs INDEXED BY runs_due_by_band
WHERE status = 'pending'
  AND queue = @queue
  AND next_attempt_at <= @now;
