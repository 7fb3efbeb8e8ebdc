-- Every stored queue and every queue that holds unended runs, with its runs counted by status. Each count reads a
-- partial index of its status (runs_due_by_band, runs_leased, runs_waiting_by_queue): never finished history. A run
-- held by a full limit is pending and due at infinity (0017_flow_limits): counted as held, not as scheduled.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
pending AS (
    SELECT r.queue,
           count(*) FILTER (WHERE r.next_attempt_at <= clock.now) AS due,
           count(*) FILTER (WHERE r.next_attempt_at > clock.now AND r.next_attempt_at < 'infinity') AS scheduled,
           count(*) FILTER (WHERE r.next_attempt_at = 'infinity') AS held,
           min(r.next_attempt_at) FILTER (WHERE r.next_attempt_at <= clock.now) AS oldest_due_at
    FROM {schema}.runs AS r, clock
    WHERE r.status = 'pending'
    GROUP BY r.queue
),
running AS (
    SELECT r.queue, count(*) AS running
    FROM {schema}.runs AS r
    WHERE r.status = 'running'
    GROUP BY r.queue
),
waiting AS (
    SELECT r.queue, count(*) AS waiting
    FROM {schema}.runs AS r
    WHERE r.status = 'waiting'
    GROUP BY r.queue
),
names AS (
    SELECT name FROM {schema}.queues
    UNION SELECT queue FROM pending
    UNION SELECT queue FROM running
    UNION SELECT queue FROM waiting
)
SELECT n.name,
       COALESCE(q.paused, false) AS paused,
       q.paused_at,
       COALESCE(p.due, 0)::bigint AS due,
       COALESCE(p.scheduled, 0)::bigint AS scheduled,
       COALESCE(p.held, 0)::bigint AS held,
       COALESCE(r.running, 0)::bigint AS running,
       COALESCE(w.waiting, 0)::bigint AS waiting,
       EXTRACT(EPOCH FROM clock.now - p.oldest_due_at)::double precision AS oldest_due_seconds
FROM names AS n
CROSS JOIN clock
LEFT JOIN {schema}.queues AS q ON q.name = n.name
LEFT JOIN pending AS p ON p.queue = n.name
LEFT JOIN running AS r ON r.queue = n.name
LEFT JOIN waiting AS w ON w.queue = n.name
ORDER BY n.name;
