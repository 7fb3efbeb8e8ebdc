-- After the claim: each (limit, key) the gate touched (@counts: a JSON array of [limit, key, running added, waiting
-- added, tokens]) gets its counts, its row made the first time. Tokens (null for a limit without a rate, which keeps
-- its own) are written as refilled up to @now, less the ones this claim took; refilled_at 0 marks "no rate" here.
INSERT INTO limit_counters (name, key, running, waiting, tokens, refilled_at)
SELECT c.value ->> 0, c.value ->> 1, c.value ->> 2, c.value ->> 3, COALESCE(c.value ->> 4, 0),
       CASE WHEN c.value ->> 4 IS NULL THEN 0 ELSE @now END
FROM json_each(@counts) AS c
WHERE true
ON CONFLICT (name, key) DO UPDATE
SET running = running + excluded.running,
    waiting = waiting + excluded.waiting,
    tokens = CASE WHEN excluded.refilled_at = 0 THEN tokens ELSE excluded.tokens END,
    refilled_at = CASE WHEN excluded.refilled_at = 0 THEN refilled_at ELSE excluded.refilled_at END;
