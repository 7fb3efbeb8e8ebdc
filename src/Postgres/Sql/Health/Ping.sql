-- The database health check: the server answers and the runtime's schema is there.
SELECT to_regclass(@runs) IS NOT NULL AS schema_exists;
