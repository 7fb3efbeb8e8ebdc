-- A worker's heartbeat: its row, written at its first beat and then only last_seen_at. Rows not seen for a day are
-- of workers that died without stopping; they go.
DELETE FROM workers
WHERE last_seen_at < @now - 86400000 AND id <> @id;

INSERT INTO workers (id, host, started_at, last_seen_at)
VALUES (@id, @host, @now, @now)
ON CONFLICT (id) DO UPDATE
SET last_seen_at = excluded.last_seen_at;
