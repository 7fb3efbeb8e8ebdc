-- Transition: release (docs/run-states.md#release).
-- The release's first half: an attempt that had started on a run the stopping worker still holds is recorded as
-- interrupted (not counted, so a deploy does not use up a step's retries). @held is a JSON array of
-- [run id, lease token, started] triples; a run whose attempt had not started gets no attempt row.
INSERT INTO attempts (run_id, step_index, step_name, attempt, execution, worker, started_at, duration_ms,
                      outcome, error_type, error_message)
SELECT r.id, r.step_index, COALESCE(r.step_name, CAST(r.step_index AS TEXT)), r.attempt, r.execution, @worker,
       COALESCE(r.attempt_started_at, @now), max(0, @now - COALESCE(r.attempt_started_at, @now)),
       'interrupted', 'WorkerStopping', 'the worker stopped before the attempt finished; it will run again'
FROM runs AS r
JOIN json_each(@held) AS h ON h.value ->> 0 = r.id AND h.value ->> 1 = r.lease_token
WHERE r.status = 'running'
  AND h.value ->> 2;
