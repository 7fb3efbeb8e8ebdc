INSERT INTO checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
VALUES (@run_id, @step_index, @step_name, json(@output), @attempt, @now);
