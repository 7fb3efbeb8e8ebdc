-- A step rule's measure: the step's attempts by start time, so that an evaluation reads only its window, not the
-- step's whole retained history. (A workflow rule's measure reads runs_finished_by_workflow, from 0003.) SQLite
-- builds it in the migration's write transaction: the other writers of the file wait for the build.
CREATE INDEX attempts_by_step_start ON attempts (step_name, started_at);
