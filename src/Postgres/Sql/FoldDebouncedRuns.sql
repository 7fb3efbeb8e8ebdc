-- Transition: debounce (docs/run-states.md#debounce).
-- Folds debounced starts that did not take their key (TakeStartKeys.sql, earlier in the same round) into the run
-- that holds it, while that run is pending and has never been claimed: it takes the start's input and is due at
-- the start's run_at, else its delay (the quiet period) after now. A statement of its own, so that it sees a holder
-- another start committed while TakeStartKeys.sql waited for the key. The row lock fences the claim: a run claimed
-- first is not folded into (the store starts that row again, and it takes the key), and a run folded first is
-- skipped by the claim until this commits. RETURNING lists each folded row's position (from 1) and its run.
UPDATE {schema}.runs AS r
SET input = n.input::jsonb,
    next_attempt_at = COALESCE(n.run_at, COALESCE(n.now, now()) + make_interval(secs => n.delay_seconds)),
    updated_at = COALESCE(n.now, now())
FROM unnest(@ids::uuid[], @workflows::text[], @start_keys::text[], @inputs::text[], @nows::timestamptz[], @run_ats::timestamptz[],
            @delay_seconds::double precision[])
     WITH ORDINALITY AS n(id, workflow, start_key, input, now, run_at, delay_seconds, ord)
JOIN {schema}.start_keys AS k ON k.workflow = n.workflow AND k.start_key = n.start_key
WHERE r.id = k.run_id
  AND r.id <> n.id
  AND r.status = 'pending'
  AND r.started_at IS NULL
RETURNING n.ord, r.id;
