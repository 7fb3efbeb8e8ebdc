-- The runs, their step checkpoints and every attempt of every step.
-- The schema placeholder stands only where an identifier is read, and is replaced by the quoted schema name;
-- nothing else is ever spliced in (see SchemaPlaceholder).

CREATE TABLE {schema}.runs (
    id                 uuid        PRIMARY KEY,
    workflow           text        NOT NULL,
    status             text        NOT NULL,
    step_index         integer     NOT NULL DEFAULT 0,
    step_name          text,
    attempt            integer     NOT NULL DEFAULT 0,
    input              jsonb       NOT NULL,
    result             jsonb,
    error              text,
    idempotency_key    text,
    parent_run_id      uuid        REFERENCES {schema}.runs (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    started_at         timestamptz,
    completed_at       timestamptz,
    next_attempt_at    timestamptz,
    attempt_started_at timestamptz,
    lease_owner        text,
    lease_token        uuid,
    lease_expires_at   timestamptz,
    CONSTRAINT runs_status_known CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT runs_step_index_not_negative CHECK (step_index >= 0),
    CONSTRAINT runs_attempt_not_negative CHECK (attempt >= 0),
    CONSTRAINT runs_pending_is_scheduled CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL),
    CONSTRAINT runs_running_is_leased CHECK (
        status <> 'running' OR (lease_owner IS NOT NULL AND lease_token IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CONSTRAINT runs_idempotency_key_length CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 512),
    CONSTRAINT runs_one_run_per_idempotency_key UNIQUE (workflow, idempotency_key)
);

COMMENT ON TABLE {schema}.runs IS 'One row per workflow run: where it is, who holds it, and when it may next be attempted.';
COMMENT ON COLUMN {schema}.runs.step_index IS 'The step that runs next, or is running, or ended the run (from 0).';
COMMENT ON COLUMN {schema}.runs.attempt IS 'Attempts started of the step at step_index; raised when a worker claims the run.';
COMMENT ON COLUMN {schema}.runs.lease_token IS 'Changes with every claim; a completion whose token no longer matches is refused (fencing).';
COMMENT ON COLUMN {schema}.runs.next_attempt_at IS 'When a pending run may be claimed; null once it is claimed or finished.';

-- Exactly the claim query's WHERE and ORDER BY; finished history never enters it.
CREATE INDEX runs_due ON {schema}.runs (next_attempt_at) WHERE status = 'pending';
COMMENT ON INDEX {schema}.runs_due IS 'Claim query: pending runs in the order they became due.';

-- The rescuer's query: running runs whose lease ran out.
CREATE INDEX runs_leased ON {schema}.runs (lease_expires_at) WHERE status = 'running';
COMMENT ON INDEX {schema}.runs_leased IS 'Rescuer: running runs in the order their leases expire.';

CREATE INDEX runs_children ON {schema}.runs (parent_run_id) WHERE parent_run_id IS NOT NULL;

CREATE TABLE {schema}.checkpoints (
    run_id       uuid        NOT NULL REFERENCES {schema}.runs (id) ON DELETE CASCADE,
    step_index   integer     NOT NULL,
    step_name    text        NOT NULL,
    output       jsonb       NOT NULL,
    attempt      integer     NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, step_index),
    CONSTRAINT checkpoints_step_index_not_negative CHECK (step_index >= 0),
    CONSTRAINT checkpoints_attempt_positive CHECK (attempt >= 1)
);

COMMENT ON TABLE {schema}.checkpoints IS 'One row per completed step; the primary key makes a second commit of the same step impossible.';

CREATE TABLE {schema}.attempts (
    id            bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id        uuid             NOT NULL REFERENCES {schema}.runs (id) ON DELETE CASCADE,
    step_index    integer          NOT NULL,
    step_name     text             NOT NULL,
    attempt       integer          NOT NULL,
    worker        text,
    started_at    timestamptz      NOT NULL,
    duration_ms   double precision NOT NULL,
    outcome       text             NOT NULL,
    error_type    text,
    error_message text,
    error_stack   text,
    CONSTRAINT attempts_outcome_known CHECK (
        outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned', 'interrupted', 'superseded')),
    CONSTRAINT attempts_duration_not_negative CHECK (duration_ms >= 0)
);

COMMENT ON TABLE {schema}.attempts IS 'Every attempt of every step, kept after the run ends: the failure history.';
COMMENT ON COLUMN {schema}.attempts.outcome IS
    'succeeded | failed | timed_out | abandoned (its worker''s lease expired) | interrupted (its worker shut down; not counted) | superseded (finished after another worker took the run over; not committed)';

CREATE INDEX attempts_by_run ON {schema}.attempts (run_id, step_index, attempt);
