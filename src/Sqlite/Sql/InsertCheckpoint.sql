-- Transitions: succeed (docs/run-states.md#succeed), succeed last (#succeed-last), leave at an unknown step (#leave-at-an-unknown-step), succeed into a limit (#succeed-into-a-limit), sleep (#sleep).
INSERT INTO checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
VALUES (@run_id, @step_index, @step_name, json(@output), @attempt, @now);
