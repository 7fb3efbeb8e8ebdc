-- A run follows the steps it was started with, as on PostgreSQL (0012): the runs row keeps a 64-bit fingerprint
-- of its ordered step names, and the names (a JSON array) are stored once per workflow and fingerprint here. A
-- worker whose own steps have another fingerprint reads the run's steps here. Runs started before this have no
-- shape and follow the steps of the worker that holds them. Adding a nullable column rewrites nothing.

CREATE TABLE run_shapes (
    workflow   TEXT    NOT NULL,
    shape      INTEGER NOT NULL,
    steps      TEXT    NOT NULL CHECK (json_valid(steps) AND json_array_length(steps) >= 1),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workflow, shape)
) WITHOUT ROWID;

-- A run with a shape always names the step it is at, so that the claim's (step index, step name) match keeps every
-- worker to the run's own steps.
ALTER TABLE runs ADD COLUMN shape INTEGER CHECK (shape IS NULL OR step_name IS NOT NULL);
