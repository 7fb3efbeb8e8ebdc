-- The database health check: the file answers and the runtime's tables are there.
SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'runs';
