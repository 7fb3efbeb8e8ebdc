-- Transition: hold at a limit (docs/run-states.md#hold-at-a-limit).
-- The runs whose limit is full (@held: a JSON array of [id, limit, key]) stay pending but are due at the end of
-- 9999, out of the claim's bounded scans of the due indexes, and remember when they were due (SET reads the old value).
UPDATE runs
SET next_attempt_at = 253402300799999,
    held_limit = h.value ->> 1,
    held_key = h.value ->> 2,
    held_due_at = next_attempt_at,
    updated_at = @now
FROM json_each(@held) AS h
WHERE runs.id = h.value ->> 0
  AND runs.status = 'pending';
