-- Transition: report unknown step (docs/run-states.md#report-unknown-step).
-- Marks due runs of this deployment's workflows (@workflows, a JSON array) that wait at a step it does not know
-- (@known, as in ClaimRuns.sql): the claim leaves them for a worker that knows the step, and their error says
-- so. Only runs whose error does not say it yet are written. Returns the runs newly marked.
-- A worker that hands a run on at a step it lacks writes the same words itself (UnknownStepText.WaitingFor), so
-- that such a run is not marked or reported twice.
UPDATE runs
SET error = 'waiting for a worker that knows step ' || COALESCE('''' || step_name || '''', step_index + 1)
            || ' (step ' || (step_index + 1) || ') of workflow ''' || workflow
            || '''; a worker of another deployment does not run it'
WHERE id IN (
    SELECT r.id
    FROM runs AS r INDEXED BY runs_due
    WHERE r.status = 'pending'
      AND r.next_attempt_at <= @now
      AND r.workflow IN (SELECT value FROM json_each(@workflows))
      AND NOT EXISTS (SELECT 1 FROM json_each(@known) AS k
                      WHERE k.value ->> 0 = r.workflow
                        AND k.value ->> 1 = r.step_index
                        AND (r.step_name IS NULL OR r.step_name = k.value ->> 2))
      -- Runs already marked are passed over before the limit, so that they never hide a newly stuck run behind it.
      AND r.error IS NOT ('waiting for a worker that knows step ' || COALESCE('''' || r.step_name || '''', r.step_index + 1)
                          || ' (step ' || (r.step_index + 1) || ') of workflow ''' || r.workflow
                          || '''; a worker of another deployment does not run it')
    LIMIT @limit)
RETURNING id, workflow, step_index, step_name;
