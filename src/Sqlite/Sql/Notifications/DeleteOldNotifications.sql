-- Deletes the delivered and given-up notifications settled more than @retention_ms ago.
DELETE FROM run_notifications
WHERE state <> 'pending' AND updated_at < @now - @retention_ms;
