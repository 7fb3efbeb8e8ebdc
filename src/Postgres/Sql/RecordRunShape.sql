-- Transition: start (docs/run-states.md#start).
-- Records the ordered step names of a shape runs are started with, once per workflow and fingerprint: the store
-- writes it once per process before the first start with that shape, so a start costs nothing more.
INSERT INTO {schema}.run_shapes (workflow, shape, steps)
VALUES (@workflow, @shape, @steps)
ON CONFLICT (workflow, shape) DO NOTHING;
