-- migration: no transaction
-- Children, durably awaited: a step that returns child runs parks its run as 'waiting', holding no lease, with
-- the ids of the children it waits for. The commit that ends the last of them makes the run pending again.
-- The ids live on the run row (not in a checkpoint) because that row is the one the children's commits lock
-- and read to decide the wake-up; the step's checkpoint is written later, holding the children's results, so
-- that it is, as for every step, exactly what the next step takes. Not indexed: it is read through the run's
-- primary key only, and changes only when a step starts or ends a wait, so run updates stay HOT.
-- The runs table may hold millions of runs that workers go on writing while this runs (see SchemaMigrator): the
-- constraints are added NOT VALID, a catalog change under a lock held for an instant, and each is then validated
-- by a statement of its own that lets writers go on. Each statement commits on its own and is safe to run twice.

ALTER TABLE {schema}.runs
    ADD COLUMN IF NOT EXISTS awaited_runs uuid[],
    DROP CONSTRAINT IF EXISTS runs_status_known,
    ADD CONSTRAINT runs_status_known CHECK (
        status IN ('pending', 'running', 'waiting', 'succeeded', 'failed', 'cancelled')) NOT VALID,
    DROP CONSTRAINT IF EXISTS runs_waiting_has_children,
    ADD CONSTRAINT runs_waiting_has_children CHECK (status <> 'waiting' OR awaited_runs IS NOT NULL) NOT VALID;

COMMENT ON COLUMN {schema}.runs.awaited_runs IS
    'The child runs the step at step_index waits for, in start order; set while waiting and until the woken step ends.';

ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_status_known;
ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_waiting_has_children;
