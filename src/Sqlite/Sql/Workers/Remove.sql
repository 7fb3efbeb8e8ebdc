-- A worker that stops gracefully forgets its heartbeat row.
DELETE FROM workers
WHERE id = @id;
