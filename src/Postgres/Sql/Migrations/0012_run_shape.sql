-- migration: no transaction
-- A run follows the steps it was started with. Before this, a worker decided a run's last step from its own
-- definition: during a rolling deploy a worker of the older build ended a run of the newer one after the older
-- build's last step. Now a start records the run's shape: the runs row keeps a 64-bit fingerprint of its ordered
-- step names (a bigint keeps the row narrow and the coalesced insert cheap), and the names are stored once per
-- workflow and fingerprint here. A worker whose own steps have another fingerprint reads the run's steps here.
--
-- Safe on a live, busy database (see SchemaMigrator): a new table, a nullable column with no default (no table
-- rewrite, no scan) and a check added NOT VALID, a catalog change under a lock held for an instant, then validated
-- by a statement of its own that lets writers go on. Each statement commits on its own and is safe to run twice.

CREATE TABLE IF NOT EXISTS {schema}.run_shapes (
    workflow   text        NOT NULL,
    shape      bigint      NOT NULL,
    steps      text[]      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workflow, shape),
    CONSTRAINT run_shapes_has_steps CHECK (cardinality(steps) >= 1)
);

COMMENT ON TABLE {schema}.run_shapes IS 'The ordered step names of each shape runs were started with, by workflow and fingerprint; never deleted (a few rows per deployment).';

ALTER TABLE {schema}.runs
    ADD COLUMN IF NOT EXISTS shape bigint,
    DROP CONSTRAINT IF EXISTS runs_shape_names_its_step,
    ADD CONSTRAINT runs_shape_names_its_step CHECK (shape IS NULL OR step_name IS NOT NULL) NOT VALID;

ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_shape_names_its_step;

COMMENT ON COLUMN {schema}.runs.shape IS 'Fingerprint of the steps the run was started with (run_shapes); null for runs started before 0012, which follow the steps of the worker that holds them.';
