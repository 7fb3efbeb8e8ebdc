-- What each attempt logged through its step's logger, kept beside its outcome and written in the same commit:
-- {"lines": [{"time", "level", "message", "exception"?, "values"?}, …], "dropped": n}. Null when nothing was kept.
-- Deleted with its run, as every attempt is.
ALTER TABLE {schema}.attempts ADD COLUMN logs jsonb;

COMMENT ON COLUMN {schema}.attempts.logs IS 'Lines the step logged during this attempt, bounded per attempt; dropped counts the lines past the bound.';
