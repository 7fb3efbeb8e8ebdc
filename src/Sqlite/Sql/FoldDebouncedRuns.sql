-- Transition: debounce (docs/run-states.md#debounce).
-- Folds a debounced start that did not take its key (TakeStartKeys.sql) into the run that holds it, while that run
-- is pending and has never been claimed: it takes the start's input and is due at @run_at, else @delay_ms (the
-- quiet period) after @now. @input is the start's UTF-8 JSON as a BLOB, made text first as in StartRun.sql.
-- RETURNING names the run folded into.
UPDATE runs
SET input = json(CAST(@input AS TEXT)),
    next_attempt_at = COALESCE(@run_at, @now + @delay_ms),
    updated_at = @now
WHERE id = (SELECT run_id FROM start_keys WHERE workflow = @workflow AND start_key = @start_key)
  AND id <> @id
  AND status = 'pending'
  AND started_at IS NULL
RETURNING id;
