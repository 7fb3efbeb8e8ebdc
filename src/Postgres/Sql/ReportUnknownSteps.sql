-- Transition: report unknown step (docs/run-states.md#report-unknown-step).
-- Marks due runs of this deployment's workflows that wait at a step it does not know (a rolling deploy): the
-- claim leaves them for a worker that knows the step, and their error says so, for `inquir` and the history
-- search. Only runs whose error does not say it yet are written, so that repeated reports write nothing.
-- Returns the runs newly marked.
-- A worker that hands a run on at a step it lacks writes the same words itself (UnknownStepText.WaitingFor), so
-- that such a run is not marked or reported twice.
WITH clock AS (
    SELECT COALESCE(@now::timestamptz, now()) AS now
),
known AS (
    SELECT * FROM unnest(@known_workflows::text[], @known_step_indexes::integer[], @known_step_names::text[])
             AS k(workflow, step_index, step_name)
),
-- Runs already marked are passed over before the limit, so that they never hide a newly stuck run behind it.
waiting AS (
    SELECT r.id, m.message
    FROM {schema}.runs AS r
    CROSS JOIN clock
    CROSS JOIN LATERAL (
        SELECT 'waiting for a worker that knows step ' || COALESCE('''' || r.step_name || '''', (r.step_index + 1)::text)
               || ' (step ' || (r.step_index + 1) || ') of workflow ''' || r.workflow
               || '''; a worker of another deployment does not run it' AS message
    ) AS m
    WHERE r.status = 'pending'
      AND r.next_attempt_at <= clock.now
      AND r.workflow = ANY (@known_workflows::text[])
      AND NOT EXISTS (SELECT 1 FROM known AS k
                      WHERE k.workflow = r.workflow
                        AND k.step_index = r.step_index
                        AND (r.step_name IS NULL OR r.step_name = k.step_name))
      AND r.error IS DISTINCT FROM m.message
    LIMIT @limit
    FOR UPDATE OF r SKIP LOCKED
)
UPDATE {schema}.runs AS r
SET error = w.message
FROM waiting AS w
WHERE r.id = w.id
RETURNING r.id, r.workflow, r.step_index, r.step_name;
