-- Transition: event arrives (docs/run-states.md#event-arrives).
-- Stores an event for a run in the same transaction as LockEventRun.sql, which locked the run. Refused, storing
-- nothing, when the run has ended or is a run of another workflow than @workflow (when given). A second event with
-- the same (run, name, event id) is a no-op answered as a duplicate, also once the run has ended (a webhook's
-- redelivery after the run went on); the statement's snapshot does not see the row it inserts itself. A run waiting for an event of this name whose timeout has not passed
-- takes it at once (taken_* name its step and execution) and is due now; any other run keeps it untaken, for the
-- wait that gets there (TakeEvents.sql). A wait whose timeout passed is left to TimeOutEventWaits.sql. Returns the
-- run with what was done (no row: no such run). Times come from the database's clock.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
target AS (
    SELECT r.id, r.workflow, r.status, r.step_index, r.execution,
           (r.status = 'waiting' AND r.awaited_event = @name::text
            AND (r.event_timeout_at IS NULL OR r.event_timeout_at > clock.now)) AS waits
    FROM {schema}.runs AS r, clock
    WHERE r.id = COALESCE(@run_id::uuid, (SELECT k.id FROM {schema}.runs AS k
                                         WHERE k.workflow = @workflow::text AND k.idempotency_key = @idempotency_key::text))
),
accepted AS (
    SELECT *
    FROM target
    WHERE status IN ('pending', 'running', 'waiting')
      AND (@workflow::text IS NULL OR workflow = @workflow::text)
),
inserted AS (
    INSERT INTO {schema}.events (run_id, name, event_id, payload, sent_at, taken_at, taken_step_index, taken_execution)
    SELECT a.id, @name::text, @event_id::text, @payload::jsonb, clock.now,
           CASE WHEN a.waits THEN clock.now END,
           CASE WHEN a.waits THEN a.step_index END,
           CASE WHEN a.waits THEN a.execution END
    FROM accepted AS a, clock
    ON CONFLICT (run_id, name, event_id) DO NOTHING
    RETURNING run_id, taken_at IS NOT NULL AS taken
),
woken AS (
    UPDATE {schema}.runs AS r
    SET status = 'pending',
        next_attempt_at = clock.now,
        updated_at = clock.now
    FROM inserted AS i, clock
    WHERE r.id = i.run_id
      AND i.taken
    RETURNING r.id
)
SELECT t.id, t.workflow, t.status,
       CASE WHEN EXISTS (SELECT 1 FROM {schema}.events AS e
                         WHERE e.run_id = t.id AND e.name = @name::text AND e.event_id = @event_id::text) THEN 'duplicate'
            WHEN t.status NOT IN ('pending', 'running', 'waiting') THEN 'ended'
            WHEN @workflow::text IS NOT NULL AND t.workflow <> @workflow::text THEN 'other_workflow'
            WHEN NOT EXISTS (SELECT 1 FROM inserted) THEN 'duplicate'
            WHEN EXISTS (SELECT 1 FROM woken) THEN 'delivered'
            ELSE 'kept'
       END AS outcome
FROM target AS t;
