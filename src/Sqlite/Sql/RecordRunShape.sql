-- Transition: start (docs/run-states.md#start).
-- Records the ordered step names (@steps, a JSON array) of a shape runs are started with, once per workflow and
-- fingerprint, in the start's own write transaction; the store skips it once a commit recorded the shape.
INSERT INTO run_shapes (workflow, shape, steps, created_at)
VALUES (@workflow, @shape, json(@steps), @now)
ON CONFLICT (workflow, shape) DO NOTHING;
