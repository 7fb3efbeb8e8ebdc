-- migration: no transaction
-- Runs that wait without a worker (docs/waits.md): durable sleep, snooze and deadlines.
-- * A sleeping or snoozed run is 'pending' with its next_attempt_at in the future, like a retry: the claim and its
--   index (runs_due) need no change, and waking costs one claim. runs.sleep says why it is due later ('sleep' or
--   'snooze'), for the history, the CLI and the dashboard; the claim clears it.
-- * runs.snoozes counts the snoozes of the step at step_index in this execution, which its bound checks; a step
--   change and a replay set it back to 0. A snoozed attempt is recorded with outcome 'snoozed'.
-- * runs.deadline_at: when an unended run fails (set at start from the workflow's or the start's deadline). The
--   sweeper reads runs_deadline, which holds unended runs with a deadline only, oldest deadline first.
-- Every statement commits on its own and is safe to run twice: columns added with constant defaults (no rewrite),
-- the outcome check replaced NOT VALID and validated by a statement that lets writers go on, and the index built
-- CONCURRENTLY. deadline_at never changes after the start and status is indexed already (runs_due), so run updates
-- stay HOT.

ALTER TABLE {schema}.runs
    ADD COLUMN IF NOT EXISTS sleep text,
    ADD COLUMN IF NOT EXISTS snoozes integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS deadline_at timestamptz,
    DROP CONSTRAINT IF EXISTS runs_sleep_known,
    ADD CONSTRAINT runs_sleep_known CHECK (sleep IS NULL OR sleep IN ('sleep', 'snooze')) NOT VALID,
    DROP CONSTRAINT IF EXISTS runs_snoozes_not_negative,
    ADD CONSTRAINT runs_snoozes_not_negative CHECK (snoozes >= 0) NOT VALID;

COMMENT ON COLUMN {schema}.runs.sleep IS
    'Why a pending run is due only at next_attempt_at: sleep (a step''s After, a Delayed output) or snooze; cleared by the claim.';
COMMENT ON COLUMN {schema}.runs.snoozes IS 'Snoozes of the step at step_index in this execution, for its bound.';
COMMENT ON COLUMN {schema}.runs.deadline_at IS 'When the run fails if it has not ended; null for no deadline.';

ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_sleep_known;
ALTER TABLE {schema}.runs VALIDATE CONSTRAINT runs_snoozes_not_negative;

ALTER TABLE {schema}.attempts
    DROP CONSTRAINT IF EXISTS attempts_outcome_known,
    ADD CONSTRAINT attempts_outcome_known CHECK (
        outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned', 'interrupted', 'superseded', 'cancelled', 'snoozed')) NOT VALID;

ALTER TABLE {schema}.attempts VALIDATE CONSTRAINT attempts_outcome_known;

CREATE INDEX CONCURRENTLY IF NOT EXISTS runs_deadline ON {schema}.runs (deadline_at)
    WHERE deadline_at IS NOT NULL AND status IN ('pending', 'running', 'waiting');
COMMENT ON INDEX {schema}.runs_deadline IS 'Deadline sweeper: unended runs with a deadline, the earliest first.';
