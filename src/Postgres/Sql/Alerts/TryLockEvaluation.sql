-- One evaluator at a time per schema, across every process: held until the evaluation's transaction ends, so a
-- crashed evaluator never keeps it. The others skip their turn rather than wait.
SELECT pg_try_advisory_xact_lock(hashtext(@lockKey)) AS locked;
