-- Every stored queue and every queue that holds unended runs, with its runs counted by status. Each count reads a
-- partial index of its status (runs_due_by_band, runs_leased, runs_waiting_by_queue): never finished history.
-- Times are integer milliseconds; the oldest due run's wait comes back in seconds. A run held by a full limit is
-- pending and due at the end of 9999 (HoldRuns.sql): counted as held, not as scheduled.
WITH pending AS (
    SELECT r.queue,
           sum(r.next_attempt_at <= @now) AS due,
           sum(r.next_attempt_at > @now AND r.next_attempt_at < 253402300799999) AS scheduled,
           sum(r.next_attempt_at = 253402300799999) AS held,
           min(CASE WHEN r.next_attempt_at <= @now THEN r.next_attempt_at END) AS oldest_due_at
    FROM runs AS r INDEXED BY runs_due_by_band
    WHERE r.status = 'pending'
    GROUP BY r.queue
),
running AS (
    SELECT r.queue, count(*) AS running
    FROM runs AS r INDEXED BY runs_leased
    WHERE r.status = 'running'
    GROUP BY r.queue
),
waiting AS (
    SELECT r.queue, count(*) AS waiting
    FROM runs AS r INDEXED BY runs_waiting_by_queue
    WHERE r.status = 'waiting'
    GROUP BY r.queue
),
names AS (
    SELECT name FROM queues
    UNION SELECT queue FROM pending
    UNION SELECT queue FROM running
    UNION SELECT queue FROM waiting
)
SELECT n.name,
       COALESCE(q.paused, 0) AS paused,
       q.paused_at,
       COALESCE(p.due, 0) AS due,
       COALESCE(p.scheduled, 0) AS scheduled,
       COALESCE(p.held, 0) AS held,
       COALESCE(r.running, 0) AS running,
       COALESCE(w.waiting, 0) AS waiting,
       (@now - p.oldest_due_at) / 1000.0 AS oldest_due_seconds
FROM names AS n
LEFT JOIN queues AS q ON q.name = n.name
LEFT JOIN pending AS p ON p.queue = n.name
LEFT JOIN running AS r ON r.queue = n.name
LEFT JOIN waiting AS w ON w.queue = n.name
ORDER BY n.name;
