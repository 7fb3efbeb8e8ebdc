-- Keeps the notice of a state change, in the evaluation's transaction, due at once.
INSERT INTO alert_notices (id, alert, kind, payload, created_at, next_attempt_at)
VALUES (@id, @alert, @kind, @payload, @now, @now);
