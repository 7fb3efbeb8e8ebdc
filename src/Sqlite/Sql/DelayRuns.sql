-- Transition: delay for a rate (docs/run-states.md#delay-for-a-rate).
-- The runs over a rate (@delayed: a JSON array of [id, due]) are due when the token they lack will exist.
UPDATE runs
SET next_attempt_at = d.value ->> 1,
    updated_at = @now
FROM json_each(@delayed) AS d
WHERE runs.id = d.value ->> 0
  AND runs.status = 'pending';
