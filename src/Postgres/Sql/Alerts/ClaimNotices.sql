-- Leases every undelivered notice of one rule: the rule of the oldest notice that is due and that no live lease
-- holds. A rule's notices go together so that one worker sends them in order; a worker that stops or dies lets the
-- lease run out and another claims them.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now),
rule AS (
    SELECT n.alert
    FROM {schema}.alert_notices AS n, clock
    WHERE n.delivered_at IS NULL
      AND n.next_attempt_at <= clock.now
      AND NOT EXISTS (
          SELECT 1
          FROM {schema}.alert_notices AS held
          WHERE held.alert = n.alert AND held.delivered_at IS NULL AND held.lease_until > clock.now)
    ORDER BY n.seq
    LIMIT 1
)
UPDATE {schema}.alert_notices AS n
SET lease_owner = @owner,
    lease_until = clock.now + @lease::interval
FROM rule, clock
WHERE n.alert = rule.alert AND n.delivered_at IS NULL
RETURNING n.id, n.seq, n.payload::text AS payload, n.delivered_to, n.attempts;
