-- Children, durably awaited: a step that returns child runs parks its run as 'waiting', holding no lease, with
-- the ids of the children it waits for. The commit that ends the last of them makes the run pending again.
-- The ids live on the run row (not in a checkpoint) because that row is the one the children's commits lock
-- and read to decide the wake-up; the step's checkpoint is written later, holding the children's results, so
-- that it is, as for every step, exactly what the next step takes. Not indexed: it is read through the run's
-- primary key only, and changes only when a step starts or ends a wait, so run updates stay HOT.

ALTER TABLE {schema}.runs ADD COLUMN awaited_runs uuid[];

COMMENT ON COLUMN {schema}.runs.awaited_runs IS
    'The child runs the step at step_index waits for, in start order; set while waiting and until the woken step ends.';

ALTER TABLE {schema}.runs DROP CONSTRAINT runs_status_known;
ALTER TABLE {schema}.runs ADD CONSTRAINT runs_status_known CHECK (
    status IN ('pending', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'));
ALTER TABLE {schema}.runs ADD CONSTRAINT runs_waiting_has_children CHECK (status <> 'waiting' OR awaited_runs IS NOT NULL);
