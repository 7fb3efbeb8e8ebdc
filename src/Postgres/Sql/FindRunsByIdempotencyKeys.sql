-- Transition: start with a used key (docs/run-states.md#start-with-a-used-key).
-- The run that holds each (workflow, key) of a batch, by the row's position (from 1). Sent after StartRuns as a
-- statement of its own: ON CONFLICT waited for any other start of the key to commit, and a new statement sees it.
SELECT k.ord, r.id
FROM unnest(@workflows::text[], @idempotency_keys::text[]) WITH ORDINALITY AS k(workflow, idempotency_key, ord)
JOIN {schema}.runs AS r ON r.workflow = k.workflow AND r.idempotency_key = k.idempotency_key;
