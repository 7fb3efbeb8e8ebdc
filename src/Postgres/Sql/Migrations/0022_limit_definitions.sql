-- The limits every worker enforces, as its code and configuration define them (docs/flow-control.md#seeing-them):
-- a worker writes its definitions when it starts, so that `inquir limits list`, the dashboard and the gauges show
-- each limit's concurrency and rate beside its counts (limit_counters), also in a process that defines no limit.
-- The latest start wins: deployments that disagree show the definition of the worker that started last.
-- Safe on a live, busy database: one new, empty table; safe to run twice.

CREATE TABLE IF NOT EXISTS {schema}.limits (
    name         text             PRIMARY KEY,
    concurrency  integer          NOT NULL,
    rate_count   integer          NOT NULL,
    rate_seconds double precision NOT NULL,
    per_key      boolean          NOT NULL,
    updated_at   timestamptz      NOT NULL,
    CONSTRAINT limits_concurrency_not_negative CHECK (concurrency >= 0),
    CONSTRAINT limits_rate_not_negative CHECK (rate_count >= 0 AND rate_seconds >= 0)
);

COMMENT ON TABLE {schema}.limits IS
    'Each limit as the worker that started last defines it: concurrency (0: none), rate_count starts per rate_seconds (0: none), per_key. Read by the limit list only; the claim takes the definitions from its own worker.';
