-- Transition: start with a used key (docs/run-states.md#start-with-a-used-key).
SELECT run_id AS id FROM start_keys WHERE workflow = @workflow AND start_key = @start_key;
