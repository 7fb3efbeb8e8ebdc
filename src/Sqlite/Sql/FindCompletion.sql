-- Whether the run holds this completion id: an earlier write of the same outcome committed, and its reply was lost.
SELECT 1 FROM runs WHERE id = @run_id AND completion_id = @completion_id;
