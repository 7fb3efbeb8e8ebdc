-- Leases every undelivered notice of one rule: the rule of the oldest notice that is due and that no live lease
-- holds. Run in a write transaction, so claims happen one at a time.
UPDATE alert_notices
SET lease_owner = @owner,
    lease_until = @now + @lease_ms
WHERE delivered_at IS NULL
  AND alert = (
      SELECT n.alert
      FROM alert_notices AS n
      WHERE n.delivered_at IS NULL
        AND n.next_attempt_at <= @now
        AND NOT EXISTS (
            SELECT 1
            FROM alert_notices AS held
            WHERE held.alert = n.alert AND held.delivered_at IS NULL AND held.lease_until > @now)
      ORDER BY n.seq
      LIMIT 1)
RETURNING id, seq, payload, delivered_to, attempts;
