-- Writes one rule of this host, a new one in state ok. A changed definition keeps its state: the next evaluation
-- decides from the new numbers whether it still fires.
INSERT INTO alerts AS a (name, kind, queue, workflow, step_name, threshold_percent, resolve_percent, window_ms, minimum_count,
                         state_since, created_at, updated_at)
VALUES (@name, @kind, @queue, @workflow, @step_name, @threshold_percent, @resolve_percent, @window_ms, @minimum_count, @now, @now, @now)
ON CONFLICT (name) DO UPDATE
SET kind = excluded.kind,
    queue = excluded.queue,
    workflow = excluded.workflow,
    step_name = excluded.step_name,
    threshold_percent = excluded.threshold_percent,
    resolve_percent = excluded.resolve_percent,
    window_ms = excluded.window_ms,
    minimum_count = excluded.minimum_count,
    updated_at = excluded.updated_at
WHERE (a.kind, a.queue, a.workflow, a.step_name, a.threshold_percent, a.resolve_percent, a.window_ms, a.minimum_count)
      IS NOT (excluded.kind, excluded.queue, excluded.workflow, excluded.step_name, excluded.threshold_percent,
              excluded.resolve_percent, excluded.window_ms, excluded.minimum_count);
