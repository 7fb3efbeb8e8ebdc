-- Transition: claim (docs/run-states.md#claim).
-- After the claim, in its write transaction: each claimed run that took slots of concurrency limits keeps them
-- (@slots: a JSON object from run id to its [[limit, key], …]) until the commit that ends its hold.
UPDATE runs
SET slots = s.value
FROM json_each(@slots) AS s
WHERE runs.id = s.key
  AND runs.status = 'running';
