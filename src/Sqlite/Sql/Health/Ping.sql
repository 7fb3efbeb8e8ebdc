-- The database health check: the file answers and the runtime's tables are there.
SELECT count(*) > 0 AS schema_exists FROM sqlite_master WHERE type = 'table' AND name = 'runs';
