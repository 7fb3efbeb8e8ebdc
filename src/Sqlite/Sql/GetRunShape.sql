-- The ordered step names (a JSON array) of a run's shape, for a worker whose own steps have another fingerprint.
SELECT steps
FROM run_shapes
WHERE workflow = @workflow
  AND shape = @shape;
