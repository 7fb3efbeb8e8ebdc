-- Per-run notifications, as PostgreSQL migration 0023: which workflows ask to be told when a run ends, and an outbox
-- that a trigger fills in the transaction that ends the run, one row per run execution. A later migration that
-- rebuilds the runs table must create the trigger again (dropping the old table drops its triggers).
CREATE TABLE notification_subscriptions (
    workflow     TEXT    NOT NULL PRIMARY KEY,
    on_failed    INTEGER NOT NULL CHECK (on_failed IN (0, 1)),
    on_succeeded INTEGER NOT NULL CHECK (on_succeeded IN (0, 1)),
    on_cancelled INTEGER NOT NULL CHECK (on_cancelled IN (0, 1)),
    webhook      TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE run_notifications (
    run_id          TEXT    NOT NULL,
    execution       INTEGER NOT NULL,
    workflow        TEXT    NOT NULL,
    outcome         TEXT    NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'cancelled')),
    webhook         TEXT    NOT NULL,
    error           TEXT,
    ended_at        INTEGER NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'given_up')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT,
    last_error      TEXT,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (run_id, execution)
) WITHOUT ROWID;

CREATE INDEX run_notifications_due ON run_notifications (next_attempt_at) WHERE state = 'pending';

CREATE TRIGGER runs_queue_notification
AFTER UPDATE OF status ON runs
FOR EACH ROW
WHEN NEW.status IN ('succeeded', 'failed', 'cancelled') AND OLD.status IS NOT NEW.status
BEGIN
    INSERT INTO run_notifications (run_id, execution, workflow, outcome, webhook, error, ended_at, next_attempt_at, updated_at)
    SELECT NEW.id, NEW.execution, NEW.workflow, NEW.status, s.webhook, NEW.error,
           COALESCE(NEW.completed_at, NEW.updated_at), COALESCE(NEW.completed_at, NEW.updated_at), COALESCE(NEW.completed_at, NEW.updated_at)
    FROM notification_subscriptions AS s
    WHERE s.workflow = NEW.workflow
      AND CASE NEW.status WHEN 'failed' THEN s.on_failed WHEN 'succeeded' THEN s.on_succeeded ELSE s.on_cancelled END
    ON CONFLICT (run_id, execution) DO NOTHING;
END;
