-- Cron schedules: one row per schedule name, written by every host that defines it. Which ticks ran is not
-- kept here: each tick is a run whose idempotency key names the schedule and the tick, so two workers firing
-- the same tick make one run. This table only holds what must outlive a process: the pause switch and the
-- latest tick handled, from which the ticks missed while no worker ran are found.

CREATE TABLE {schema}.schedules (
    name                    text        PRIMARY KEY,
    workflow                text        NOT NULL,
    cron                    text        NOT NULL,
    time_zone               text        NOT NULL,
    catch_up                text        NOT NULL,
    max_catch_up            integer     NOT NULL,
    paused                  boolean     NOT NULL DEFAULT false,
    paused_at               timestamptz,
    paused_by_configuration boolean     NOT NULL DEFAULT false,
    last_tick_at            timestamptz,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    CONSTRAINT schedules_name_length CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT schedules_catch_up_known CHECK (catch_up IN ('skip', 'all')),
    CONSTRAINT schedules_max_catch_up_positive CHECK (max_catch_up >= 1),
    CONSTRAINT schedules_paused_has_time CHECK (NOT paused OR paused_at IS NOT NULL)
);

COMMENT ON TABLE {schema}.schedules IS 'One row per cron schedule: its definition as the hosts last wrote it, the pause switch, and the latest tick handled.';
COMMENT ON COLUMN {schema}.schedules.paused IS 'Set by an operator (IWorkflowSchedules.PauseAsync, inquir schedules pause); ticks that pass while paused are not run.';
COMMENT ON COLUMN {schema}.schedules.paused_by_configuration IS 'Inquir:Schedules:{name}:Paused as the hosts last wrote it; holds the schedule paused whatever paused says.';
COMMENT ON COLUMN {schema}.schedules.last_tick_at IS 'The latest tick started (or passed over while paused); null until the first. Only ever moves forward.';
COMMENT ON COLUMN {schema}.schedules.created_at IS 'When a host first wrote the schedule: ticks before it are never run.';
