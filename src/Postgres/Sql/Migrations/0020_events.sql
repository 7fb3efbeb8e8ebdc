-- migration: no transaction
-- Runs that wait for a named event (docs/waits.md#events), and the events sent to runs. A run parked at a step that
-- returned EventWait<T> names the event in awaited_event, and, when the wait has a timeout, the instant it ends in
-- event_timeout_at (the database's clock). An event is a row of events, kept until its run is deleted: sent before
-- the run reaches its wait it waits there untaken, and the wait takes the oldest; sent to a run that waits for it,
-- it is taken at once. The timeout sweep reads runs_event_timeouts. Each statement runs on its own and is safe to
-- run twice (the migrator runs them all again if it was interrupted): adding nullable columns rewrites nothing,
-- the new table is empty, the index on runs is built concurrently, and the check that a waiting run waits for
-- something (children or an event) is added NOT VALID, a catalog change under a lock held for an instant, and
-- validated by a statement of its own that lets writers go on, before the check it replaces is dropped.

ALTER TABLE {schema}.runs ADD COLUMN IF NOT EXISTS awaited_event text;

ALTER TABLE {schema}.runs ADD COLUMN IF NOT EXISTS event_timeout_at timestamptz;

ALTER TABLE {schema}.runs
    DROP CONSTRAINT IF EXISTS runs_waiting_awaits,
    ADD CONSTRAINT runs_waiting_awaits CHECK (status <> 'waiting' OR awaited_runs IS NOT NULL OR awaited_event IS NOT NULL) NOT VALID;

ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_waiting_awaits;

ALTER TABLE {schema}.runs DROP CONSTRAINT IF EXISTS runs_waiting_has_children;

COMMENT ON COLUMN {schema}.runs.awaited_event IS
    'The name of the event the run waits for at its step (its step returned EventWait<T>); kept while the woken step runs, cleared when it commits.';

COMMENT ON COLUMN {schema}.runs.event_timeout_at IS
    'When the wait for awaited_event ends without an event (the database''s clock); null for a wait without a timeout.';

CREATE TABLE IF NOT EXISTS {schema}.events (
    run_id           uuid        NOT NULL REFERENCES {schema}.runs (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    event_id         text        NOT NULL,
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    payload          jsonb       NOT NULL,
    sent_at          timestamptz NOT NULL,
    taken_at         timestamptz,
    taken_step_index integer,
    taken_execution  integer,
    PRIMARY KEY (run_id, name, event_id),
    CONSTRAINT events_taken_whole CHECK ((taken_at IS NULL) = (taken_step_index IS NULL) AND (taken_at IS NULL) = (taken_execution IS NULL))
);

COMMENT ON TABLE {schema}.events IS
    'Events sent to runs: one row per (run, name, event id), so a second send of an event id is a no-op. Taken by the wait of the run''s step (taken_*), oldest first.';

COMMENT ON COLUMN {schema}.events.seq IS 'The order events were sent in: a wait takes the oldest untaken event of its name.';

COMMENT ON COLUMN {schema}.events.taken_step_index IS 'The step whose wait took the event, in execution taken_execution: the woken step reads its payload from here.';

CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_event_timeouts ON {schema}.runs (event_timeout_at)
    WHERE status = 'waiting' AND event_timeout_at IS NOT NULL;
