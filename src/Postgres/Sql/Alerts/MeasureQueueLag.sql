-- A queue-lag rule's numbers: the queue's runs that are due and not claimed, and how long the oldest has waited (null
-- when none is due). Reads the queue's pending runs through runs_due_by_band (queue, priority, next_attempt_at).
SELECT COALESCE(@now::timestamptz, now()) AS now,
       count(*)::integer AS due,
       COALESCE(@now::timestamptz, now()) - min(r.next_attempt_at) AS oldest_wait
FROM {schema}.runs AS r
WHERE r.status = 'pending'
  AND r.queue = @queue
  AND r.next_attempt_at <= COALESCE(@now::timestamptz, now());
