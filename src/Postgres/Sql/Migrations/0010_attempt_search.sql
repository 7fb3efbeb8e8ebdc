-- History search matches the error text and the step of ANY attempt, not only the run's last error and current
-- step: a run that failed twice with "X" and then succeeded is still found by "X". The step filter reads
-- attempts by step name; the error filter reads them through a trigram index when pg_trgm can be had (as in
-- 0002, a role that may not create the extension still migrates: the search then scans without the index).
CREATE INDEX attempts_by_step ON {schema}.attempts (step_name, run_id);
COMMENT ON INDEX {schema}.attempts_by_step IS 'History search: runs with an attempt of this step.';

DO $$
DECLARE
    runs_schema text := current_setting('inquir.schema');
    trgm_schema text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%); attempt error-text search will not be indexed', SQLERRM;
    END;

    SELECT n.nspname INTO trgm_schema
    FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';

    IF trgm_schema IS NOT NULL THEN
        BEGIN
            EXECUTE format('CREATE INDEX attempts_error_trigrams ON %I.attempts USING gin (error_message %I.gin_trgm_ops) WHERE error_message IS NOT NULL',
                           runs_schema, trgm_schema);
            EXECUTE format('COMMENT ON INDEX %I.attempts_error_trigrams IS %L',
                           runs_schema, 'History search: error text of any attempt, substring and case-insensitive.');
        EXCEPTION WHEN insufficient_privilege OR undefined_object THEN
            RAISE NOTICE 'pg_trgm cannot be used (%); attempt error-text search will not be indexed', SQLERRM;
        END;
    END IF;
END
$$;
