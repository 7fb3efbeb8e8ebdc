-- The ordered step names of a run's shape, for a worker whose own steps have another fingerprint.
SELECT steps
FROM {schema}.run_shapes
WHERE workflow = @workflow
  AND shape = @shape;
