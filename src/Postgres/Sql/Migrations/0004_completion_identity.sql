-- Each committed step outcome leaves its id on the run, so that an outcome written again after its commit reply
-- was lost is recognised as committed. Not indexed: it is read only through the run's primary key, and an index
-- on a column that changes every step would stop the run's updates from being HOT.
ALTER TABLE {schema}.runs ADD COLUMN completion_id uuid;

COMMENT ON COLUMN {schema}.runs.completion_id IS 'The id of the last step outcome committed to this run.';
