-- Transitions: succeed (docs/run-states.md#succeed), succeed last (#succeed-last), leave at an unknown step (#leave-at-an-unknown-step), succeed into a limit (#succeed-into-a-limit), retry (#retry), fail (#fail), permanent fail (#permanent-fail), wait (#wait), sleep (#sleep), snooze (#snooze), wait for event (#wait-for-event).
-- Whether the run holds this completion id: an earlier write of the same outcome committed, and its reply was lost.
SELECT 1 FROM runs WHERE id = @run_id AND completion_id = @completion_id;
