-- Transitions: succeed (docs/run-states.md#succeed), succeed last (#succeed-last), leave at an unknown step (#leave-at-an-unknown-step), succeed into a limit (#succeed-into-a-limit), retry (#retry), fail (#fail), permanent fail (#permanent-fail), wait (#wait), sleep (#sleep), snooze (#snooze), wait for event (#wait-for-event).
-- Records one attempt of a completion. An attempt whose outcome was not committed is recorded as superseded,
-- unless a cancel already recorded it (then the cancel's row is the truth about it), or an earlier write of this
-- same outcome did (its reply was lost, and the run moved on since): this worker's row for the attempt, with its
-- outcome or as superseded. A worker makes one outcome per attempt of a step, so that row is no other attempt's.
INSERT INTO attempts (run_id, step_index, step_name, attempt, execution, worker, started_at,
                      duration_ms, outcome, error_type, error_message, error_stack, logs)
SELECT @run_id, @step_index, @step_name, @attempt, @execution, @worker, @now - CAST(@duration_ms AS INTEGER), @duration_ms,
       CASE WHEN @committed THEN @outcome ELSE 'superseded' END,
       @error_type, @error_message, @error_stack, json(@logs)
WHERE @committed
   OR NOT EXISTS (SELECT 1 FROM attempts AS a
                  WHERE a.run_id = @run_id
                    AND a.step_index = @step_index
                    AND a.attempt = @attempt
                    AND COALESCE(a.execution, @execution) = @execution
                    AND (a.outcome = 'cancelled'
                         OR (a.worker = @worker AND a.outcome IN (@outcome, 'superseded'))));
