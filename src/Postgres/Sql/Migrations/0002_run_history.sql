-- Execution history: replay numbers executions, restart links a new run to its original, cancel records the
-- attempt it interrupted, and indexes serve the history searches, the failure summary and retention.
-- The schema placeholder stands only where an identifier is read, and is replaced by the quoted schema name;
-- nothing else is ever spliced in (see SchemaPlaceholder).

ALTER TABLE {schema}.runs
    ADD COLUMN execution      integer NOT NULL DEFAULT 1,
    ADD COLUMN restarted_from uuid    REFERENCES {schema}.runs (id) ON DELETE SET NULL,
    ADD CONSTRAINT runs_execution_positive CHECK (execution >= 1);

COMMENT ON COLUMN {schema}.runs.execution IS 'Raised by each replay: 1 for the first execution of the run.';
COMMENT ON COLUMN {schema}.runs.restarted_from IS 'The run this one was restarted from, with the same input.';

ALTER TABLE {schema}.attempts ADD COLUMN execution integer;

-- Stamped by a replay on the attempts of the execution it ends, so the worker's hot path never writes it.
COMMENT ON COLUMN {schema}.attempts.execution IS
    'The execution an attempt belonged to, once a replay ended it; null for attempts of the run''s current execution.';

ALTER TABLE {schema}.attempts DROP CONSTRAINT attempts_outcome_known;
ALTER TABLE {schema}.attempts ADD CONSTRAINT attempts_outcome_known CHECK (
    outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned', 'interrupted', 'superseded', 'cancelled'));

-- Listing and paging newest first, with and without a workflow; (created_at, id) is the keyset.
CREATE INDEX runs_newest ON {schema}.runs (created_at DESC, id DESC);
CREATE INDEX runs_by_workflow ON {schema}.runs (workflow, created_at DESC, id DESC);
COMMENT ON INDEX {schema}.runs_newest IS 'History search: all runs, newest first (keyset pagination).';
COMMENT ON INDEX {schema}.runs_by_workflow IS 'History search: one workflow''s runs, newest first.';

-- The unique (workflow, idempotency_key) index cannot serve a search by key alone.
CREATE INDEX runs_by_idempotency_key ON {schema}.runs (idempotency_key) WHERE idempotency_key IS NOT NULL;
COMMENT ON INDEX {schema}.runs_by_idempotency_key IS 'History search by idempotency key across workflows.';

-- Input matches are jsonb containment (@>); jsonb_path_ops is the smaller, faster operator class for it.
CREATE INDEX runs_input ON {schema}.runs USING gin (input jsonb_path_ops);
COMMENT ON INDEX {schema}.runs_input IS 'History search: a value at a path of the input (userId = 42).';

-- Finished runs only, so in-flight updates never touch it.
CREATE INDEX runs_finished ON {schema}.runs (status, completed_at) WHERE completed_at IS NOT NULL;
COMMENT ON INDEX {schema}.runs_finished IS 'Retention: finished runs of one status, oldest first.';

CREATE INDEX attempts_failures ON {schema}.attempts (started_at)
    WHERE outcome IN ('failed', 'timed_out', 'abandoned');
COMMENT ON INDEX {schema}.attempts_failures IS 'Failure summary: failed attempts in a time window.';

-- Error-text search uses a trigram index when pg_trgm can be had. A role that owns only its schema may not be
-- allowed to create the extension: then the search still works (ILIKE without an index) and the migration
-- does not fail. The exception handler rolls back only this block's subtransaction.
-- The block's body is a string literal, so the schema name never goes into it: it reads the name from the setting
-- inquir.schema (set by the migrator as a bound parameter) and quotes it with format's %I.
DO $$
DECLARE
    runs_schema text := current_setting('inquir.schema');
    trgm_schema text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%); error-text search will not be indexed', SQLERRM;
    END;

    SELECT n.nspname INTO trgm_schema
    FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';

    IF trgm_schema IS NOT NULL THEN
        BEGIN
            EXECUTE format('CREATE INDEX runs_error_trigrams ON %I.runs USING gin (error %I.gin_trgm_ops) WHERE error IS NOT NULL',
                           runs_schema, trgm_schema);
            EXECUTE format('COMMENT ON INDEX %I.runs_error_trigrams IS %L',
                           runs_schema, 'History search: error text, substring and case-insensitive.');
        EXCEPTION WHEN insufficient_privilege OR undefined_object THEN
            RAISE NOTICE 'pg_trgm cannot be used (%); error-text search will not be indexed', SQLERRM;
        END;
    END IF;
END
$$;
