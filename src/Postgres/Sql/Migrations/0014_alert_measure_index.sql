-- migration: no transaction
-- The failure-rate alerts measure a window (an hour, say) of a workflow's finished runs or of a step's attempts on
-- every evaluation; without an index that starts at the window, each evaluation read the workflow's whole retained
-- history. Built CONCURRENTLY, one statement at a time outside a transaction (see SchemaMigrator).
--
-- A workflow rule: its finished runs by completion time. Updates of a running run stay HOT: status and
-- completed_at are read by indexes already (runs_due, runs_running, runs_expirable) and workflow never changes, so
-- this index adds no column that a step or a renewal changes; a run enters it once, by the update that finishes it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_finished_by_workflow ON {schema}.runs (workflow, completed_at)
    WHERE status IN ('succeeded', 'failed');
COMMENT ON INDEX {schema}.runs_finished_by_workflow IS 'Failure-rate alerts: a workflow''s succeeded and failed runs by completion time.';

-- A step rule: the step's attempts by start time (attempts are written once and never updated by a step; the cost
-- is one more index entry per attempt).
CREATE INDEX CONCURRENTLY IF NOT EXISTS attempts_by_step_start ON {schema}.attempts (step_name, started_at);
COMMENT ON INDEX {schema}.attempts_by_step_start IS 'Failure-rate alerts: a step''s attempts by start time.';
