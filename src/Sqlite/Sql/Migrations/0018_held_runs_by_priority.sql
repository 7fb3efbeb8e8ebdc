-- As PostgreSQL migration 0025: held runs are released highest priority first, then oldest due, and runs_held keeps
-- that order so that the release reads only the runs it releases.
DROP INDEX runs_held;
CREATE INDEX runs_held ON runs (held_limit, held_key, priority DESC, held_due_at) WHERE held_limit IS NOT NULL;
