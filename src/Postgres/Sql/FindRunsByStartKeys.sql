-- Transition: start with a used key (docs/run-states.md#start-with-a-used-key).
-- The run that holds each (workflow, start key) of a round, by the row's position (from 1). Sent after
-- TakeStartKeys.sql as a statement of its own, which sees a holder another start committed meanwhile.
SELECT k.ord, s.run_id AS id
FROM unnest(@workflows::text[], @start_keys::text[]) WITH ORDINALITY AS k(workflow, start_key, ord)
JOIN {schema}.start_keys AS s ON s.workflow = k.workflow AND s.start_key = k.start_key;
