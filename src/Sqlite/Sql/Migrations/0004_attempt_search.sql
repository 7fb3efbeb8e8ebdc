-- History search matches the step of ANY attempt, not only the run's current step; this index finds the runs
-- with an attempt of a step. (Error text of any attempt is matched with LIKE over the attempts: SQLite has no
-- trigram index.)
CREATE INDEX attempts_by_step ON attempts (step_name, run_id);
