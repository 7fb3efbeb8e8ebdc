-- The event that a run's wait at @step_index in @execution took: its payload becomes the woken step's checkpoint.
-- None means the wait timed out. A step that waited twice in one execution (a retry) took the later event last.
SELECT event_id, payload::text AS payload
FROM {schema}.events
WHERE run_id = @run_id
  AND name = @name
  AND taken_step_index = @step_index
  AND taken_execution = @execution
ORDER BY taken_at DESC, seq DESC
LIMIT 1;
