-- Transition: event arrives (docs/run-states.md#event-arrives).
-- Stores an event for a run that has not ended (FindEventRun.sql read it in the same write transaction): taken at
-- once (@taken: the run waits for it; taken_* name the run's step and execution) or kept untaken for the run's wait.
-- A second event with the same (run, name, event id) inserts nothing: no row comes back.
INSERT INTO events (run_id, name, event_id, payload, sent_at, taken_at, taken_step_index, taken_execution)
SELECT @run_id, @name, @event_id, json(@payload), @now,
       CASE WHEN @taken THEN @now END,
       CASE WHEN @taken THEN @step_index END,
       CASE WHEN @taken THEN @execution END
WHERE true
ON CONFLICT (run_id, name, event_id) DO NOTHING
RETURNING seq;
