-- migration: no transaction
-- History search matches the error text and the step of ANY attempt, not only the run's last error and current
-- step: a run that failed twice with "X" and then succeeded is still found by "X". The step filter reads
-- attempts by step name; the error filter reads them through a trigram index when pg_trgm can be had (as in
-- 0002, a role that may not create the extension still migrates: the search then scans without the index).
-- The attempts table is the largest and every completion writes to it: its indexes are built CONCURRENTLY, one
-- statement at a time outside a transaction (see SchemaMigrator), and each statement is safe to run twice.
CREATE INDEX CONCURRENTLY IF NOT EXISTS attempts_by_step ON {schema}.attempts (step_name, run_id);
COMMENT ON INDEX {schema}.attempts_by_step IS 'History search: runs with an attempt of this step.';

DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%); attempt error-text search will not be indexed', SQLERRM;
END
$$;

-- migration: run the statements this query returns
-- The trigram index, when pg_trgm is installed in a schema this role may use. A DO block cannot build an index
-- concurrently, so this query returns the statements, and the migrator runs them. The schema names are quoted by
-- format's %I; the runtime's schema is read from inquir.schema (set by the migrator as a bound parameter).
SELECT s.statement
FROM pg_extension AS e
JOIN pg_namespace AS n ON n.oid = e.extnamespace
CROSS JOIN LATERAL (VALUES
    (1, format('CREATE INDEX CONCURRENTLY IF NOT EXISTS attempts_error_trigrams ON %I.attempts USING gin (error_message %I.gin_trgm_ops) WHERE error_message IS NOT NULL',
               current_setting('inquir.schema'), n.nspname)),
    (2, format('COMMENT ON INDEX %I.attempts_error_trigrams IS %L',
               current_setting('inquir.schema'), 'History search: error text of any attempt, substring and case-insensitive.'))
) AS s(position, statement)
WHERE e.extname = 'pg_trgm' AND has_schema_privilege(n.oid, 'USAGE')
ORDER BY s.position;
