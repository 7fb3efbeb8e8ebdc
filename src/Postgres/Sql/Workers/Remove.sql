-- A worker that stops gracefully forgets its heartbeat row.
DELETE FROM {schema}.workers
WHERE id = @id;
