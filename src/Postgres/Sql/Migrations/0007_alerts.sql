-- Failure-rate alerts: one row per rule name, holding the rule as the hosts last wrote it and the state the
-- evaluators share. Only one evaluator at a time changes it (the evaluation holds an advisory lock for its
-- transaction), so a breach moves a rule from ok to firing once, whichever worker sees it first, and a restart
-- finds the state where it was left.

CREATE TABLE {schema}.alerts (
    name                text             PRIMARY KEY,
    workflow            text             NOT NULL,
    step_name           text,
    threshold_percent   double precision NOT NULL,
    resolve_percent     double precision NOT NULL,
    window_length       interval         NOT NULL,
    minimum_count       integer          NOT NULL,
    state               text             NOT NULL DEFAULT 'ok',
    state_since         timestamptz      NOT NULL,
    last_rate_percent   double precision,
    last_failures       integer,
    last_total          integer,
    last_evaluated_at   timestamptz,
    created_at          timestamptz      NOT NULL,
    updated_at          timestamptz      NOT NULL,
    CONSTRAINT alerts_name_length CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT alerts_state_known CHECK (state IN ('ok', 'firing')),
    CONSTRAINT alerts_threshold_percent CHECK (threshold_percent >= 0 AND threshold_percent <= 100),
    CONSTRAINT alerts_resolve_under_threshold CHECK (resolve_percent >= 0 AND resolve_percent <= threshold_percent),
    CONSTRAINT alerts_window_positive CHECK (window_length > interval '0'),
    CONSTRAINT alerts_minimum_count_positive CHECK (minimum_count >= 1)
);

COMMENT ON TABLE {schema}.alerts IS 'One row per failure-rate alert rule: its definition as the hosts last wrote it and its shared state.';
COMMENT ON COLUMN {schema}.alerts.step_name IS 'Null for a rule over finished runs of the workflow; a step name for a rule over that step''s attempts.';
COMMENT ON COLUMN {schema}.alerts.resolve_percent IS 'A firing rule resolves only when the rate is at or under this (hysteresis, so a rate near the threshold does not flap).';
COMMENT ON COLUMN {schema}.alerts.state_since IS 'When the rule entered its state: the startsAt of a firing alert, the endsAt of the resolved one.';
COMMENT ON COLUMN {schema}.alerts.last_rate_percent IS 'The rate of the latest evaluation; null when the window held fewer than minimum_count.';
