-- The pgbench ceiling's tables: the columns and indexes of Inquir.Typed's runs and checkpoints that the claim and
-- the completion touch (src/Postgres/Sql/Migrations/0001_create_runs.sql), filled with runs that are all due; and
-- ceiling.starts, with the indexes that a start's insert into Inquir.Typed's runs updates.
DROP SCHEMA IF EXISTS ceiling CASCADE;
CREATE SCHEMA ceiling;

CREATE TABLE ceiling.runs (
    id                 bigint      PRIMARY KEY,
    workflow           text        NOT NULL,
    status             text        NOT NULL,
    step_index         integer     NOT NULL DEFAULT 0,
    attempt            integer     NOT NULL DEFAULT 0,
    input              jsonb       NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    next_attempt_at    timestamptz,
    attempt_started_at timestamptz,
    lease_owner        text,
    lease_token        uuid,
    lease_expires_at   timestamptz
);
CREATE INDEX runs_due ON ceiling.runs (next_attempt_at) WHERE status = 'pending';
CREATE INDEX runs_leased ON ceiling.runs (lease_expires_at) WHERE status = 'running';

CREATE TABLE ceiling.checkpoints (
    run_id       bigint      NOT NULL REFERENCES ceiling.runs (id) ON DELETE CASCADE,
    step_index   integer     NOT NULL,
    output       jsonb       NOT NULL,
    attempt      integer     NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, step_index)
);

INSERT INTO ceiling.runs (id, workflow, status, input, created_at, updated_at, next_attempt_at)
SELECT n, 'ceiling', 'pending', '{"value": 1}', now(), now(), now() FROM generate_series(1, 20000) AS n;
ANALYZE ceiling.runs;

CREATE TABLE ceiling.starts (
    id              uuid        PRIMARY KEY,
    workflow        text        NOT NULL,
    status          text        NOT NULL,
    input           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    next_attempt_at timestamptz
);
CREATE INDEX starts_newest ON ceiling.starts (created_at DESC, id DESC);
CREATE INDEX starts_by_workflow ON ceiling.starts (workflow, created_at DESC, id DESC);
CREATE INDEX starts_input ON ceiling.starts USING gin (input jsonb_path_ops);
CREATE INDEX starts_due ON ceiling.starts (next_attempt_at) INCLUDE (workflow) WHERE status = 'pending';
