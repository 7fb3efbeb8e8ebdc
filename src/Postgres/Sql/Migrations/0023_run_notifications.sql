-- Per-run notifications (docs/notifications.md): which workflows ask to be told when a run ends, and an outbox of
-- the notifications to deliver. A trigger writes the outbox row in the transaction that ends the run, whichever
-- transition ends it (succeed last, fail, permanent fail, fail without an attempt, deadline, cancel tree), so a
-- crash after the commit never loses one; the primary key keeps one per run execution.
-- Safe on a live, busy database: two new, empty tables, a function, and a trigger whose creation takes a brief
-- SHARE ROW EXCLUSIVE lock on runs (within the migrator's lock timeout); safe to run twice.

CREATE TABLE IF NOT EXISTS {schema}.notification_subscriptions (
    workflow     text        PRIMARY KEY,
    on_failed    boolean     NOT NULL,
    on_succeeded boolean     NOT NULL,
    on_cancelled boolean     NOT NULL,
    webhook      text        NOT NULL,
    updated_at   timestamptz NOT NULL
);

COMMENT ON TABLE {schema}.notification_subscriptions IS
    'Each workflow''s notification as the worker that started last defines it: the outcomes it is told of and the webhook they go to.';

CREATE TABLE IF NOT EXISTS {schema}.run_notifications (
    run_id          uuid        NOT NULL,
    execution       integer     NOT NULL,
    workflow        text        NOT NULL,
    outcome         text        NOT NULL,
    webhook         text        NOT NULL,
    error           text,
    ended_at        timestamptz NOT NULL,
    state           text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_owner     uuid,
    last_error      text,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT run_notifications_once PRIMARY KEY (run_id, execution),
    CONSTRAINT run_notifications_state_known CHECK (state IN ('pending', 'delivered', 'given_up')),
    CONSTRAINT run_notifications_outcome_known CHECK (outcome IN ('succeeded', 'failed', 'cancelled'))
);

COMMENT ON TABLE {schema}.run_notifications IS
    'The outbox of per-run notifications: one per run execution that ended with an outcome its workflow asked for, pending until a worker''s webhook post is answered 2xx (delivered) or its tries run out (given_up).';

CREATE INDEX IF NOT EXISTS run_notifications_due ON {schema}.run_notifications (next_attempt_at) WHERE state = 'pending';

-- The function's search_path is the schema, so its body names the tables unqualified (the body is a string, where
-- the schema placeholder may not stand).
CREATE OR REPLACE FUNCTION {schema}.inquir_queue_run_notification() RETURNS trigger
LANGUAGE plpgsql
SET search_path TO {schema}
AS $$
BEGIN
    INSERT INTO run_notifications (run_id, execution, workflow, outcome, webhook, error, ended_at, next_attempt_at, updated_at)
    SELECT NEW.id, NEW.execution, NEW.workflow, NEW.status, s.webhook, NEW.error,
           COALESCE(NEW.completed_at, NEW.updated_at), COALESCE(NEW.completed_at, NEW.updated_at), COALESCE(NEW.completed_at, NEW.updated_at)
    FROM notification_subscriptions AS s
    WHERE s.workflow = NEW.workflow
      AND CASE NEW.status WHEN 'failed' THEN s.on_failed WHEN 'succeeded' THEN s.on_succeeded ELSE s.on_cancelled END
    ON CONFLICT (run_id, execution) DO NOTHING;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS runs_queue_notification ON {schema}.runs;

CREATE TRIGGER runs_queue_notification
    AFTER UPDATE OF status ON {schema}.runs
    FOR EACH ROW
    WHEN (NEW.status IN ('succeeded', 'failed', 'cancelled') AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION {schema}.inquir_queue_run_notification();
