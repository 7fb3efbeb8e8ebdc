-- migration: no transaction
-- Execution history: replay numbers executions, restart links a new run to its original, cancel records the
-- attempt it interrupted, and indexes serve the history searches, the failure summary and retention.
-- The schema placeholder stands only where an identifier is read, and is replaced by the quoted schema name;
-- nothing else is ever spliced in (see SchemaPlaceholder).
-- The tables may already hold runs that workers go on writing (see SchemaMigrator): constraints are added NOT VALID
-- and validated by statements of their own, indexes are built CONCURRENTLY, each statement commits on its own and
-- is safe to run twice. (A foreign key on a column added in the same statement is not checked against the rows:
-- the new column holds only nulls.)

ALTER TABLE {schema}.runs
    ADD COLUMN IF NOT EXISTS execution      integer NOT NULL DEFAULT 1,
    ADD COLUMN IF NOT EXISTS restarted_from uuid    REFERENCES {schema}.runs (id) ON DELETE SET NULL,
    DROP CONSTRAINT IF EXISTS runs_execution_positive,
    ADD CONSTRAINT runs_execution_positive CHECK (execution >= 1) NOT VALID;
ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_execution_positive;

COMMENT ON COLUMN {schema}.runs.execution IS 'Raised by each replay: 1 for the first execution of the run.';
COMMENT ON COLUMN {schema}.runs.restarted_from IS 'The run this one was restarted from, with the same input.';

-- Stamped by a replay on the attempts of the execution it ends, so the worker's hot path never writes it.
ALTER TABLE {schema}.attempts
    ADD COLUMN IF NOT EXISTS execution integer,
    DROP CONSTRAINT IF EXISTS attempts_outcome_known,
    ADD CONSTRAINT attempts_outcome_known CHECK (
        outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned', 'interrupted', 'superseded', 'cancelled')) NOT VALID;
ALTER TABLE {schema}.attempts VALIDATE CONSTRAINT attempts_outcome_known;

COMMENT ON COLUMN {schema}.attempts.execution IS
    'The execution an attempt belonged to, once a replay ended it; null for attempts of the run''s current execution.';

-- Listing and paging newest first, with and without a workflow; (created_at, id) is the keyset.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_newest ON {schema}.runs (created_at DESC, id DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_by_workflow ON {schema}.runs (workflow, created_at DESC, id DESC);
COMMENT ON INDEX {schema}.runs_newest IS 'History search: all runs, newest first (keyset pagination).';
COMMENT ON INDEX {schema}.runs_by_workflow IS 'History search: one workflow''s runs, newest first.';

-- The unique (workflow, idempotency_key) index cannot serve a search by key alone.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_by_idempotency_key ON {schema}.runs (idempotency_key) WHERE idempotency_key IS NOT NULL;
COMMENT ON INDEX {schema}.runs_by_idempotency_key IS 'History search by idempotency key across workflows.';

-- Input matches are jsonb containment (@>); jsonb_path_ops is the smaller, faster operator class for it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_input ON {schema}.runs USING gin (input jsonb_path_ops);
COMMENT ON INDEX {schema}.runs_input IS 'History search: a value at a path of the input (userId = 42).';

-- Finished runs only, so in-flight updates never touch it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_finished ON {schema}.runs (status, completed_at) WHERE completed_at IS NOT NULL;
COMMENT ON INDEX {schema}.runs_finished IS 'Retention: finished runs of one status, oldest first.';

CREATE INDEX CONCURRENTLY IF NOT EXISTS attempts_failures ON {schema}.attempts (started_at)
    WHERE outcome IN ('failed', 'timed_out', 'abandoned');
COMMENT ON INDEX {schema}.attempts_failures IS 'Failure summary: failed attempts in a time window.';

-- Error-text search uses a trigram index when pg_trgm can be had. A role that owns only its schema may not be
-- allowed to create the extension: then the search still works (ILIKE without an index) and the migration
-- does not fail. The exception handler rolls back only this block's subtransaction.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%); error-text search will not be indexed', SQLERRM;
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
    (1, format('CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_error_trigrams ON %I.runs USING gin (error %I.gin_trgm_ops) WHERE error IS NOT NULL',
               current_setting('inquir.schema'), n.nspname)),
    (2, format('COMMENT ON INDEX %I.runs_error_trigrams IS %L',
               current_setting('inquir.schema'), 'History search: error text, substring and case-insensitive.'))
) AS s(position, statement)
WHERE e.extname = 'pg_trgm' AND has_schema_privilege(n.oid, 'USAGE')
ORDER BY s.position;
