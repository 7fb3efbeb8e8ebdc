-- Writes every rule of this host, new ones in state ok. A changed definition keeps its state: the next evaluation
-- decides from the new numbers whether it still fires.
INSERT INTO {schema}.alerts AS a (name, kind, queue, workflow, step_name, threshold_percent, resolve_percent, window_length,
                                  minimum_count, state_since, created_at, updated_at)
SELECT r.name, r.kind, r.queue, r.workflow, r.step_name, r.threshold_percent, r.resolve_percent, r.window_length, r.minimum_count,
       COALESCE(@now::timestamptz, now()), COALESCE(@now::timestamptz, now()), COALESCE(@now::timestamptz, now())
FROM unnest(@names::text[], @kinds::text[], @queues::text[], @workflows::text[], @steps::text[], @thresholds::double precision[],
            @resolves::double precision[], @windows::interval[], @minimums::integer[])
     AS r (name, kind, queue, workflow, step_name, threshold_percent, resolve_percent, window_length, minimum_count)
ON CONFLICT (name) DO UPDATE
SET kind = excluded.kind,
    queue = excluded.queue,
    workflow = excluded.workflow,
    step_name = excluded.step_name,
    threshold_percent = excluded.threshold_percent,
    resolve_percent = excluded.resolve_percent,
    window_length = excluded.window_length,
    minimum_count = excluded.minimum_count,
    updated_at = excluded.updated_at
WHERE (a.kind, a.queue, a.workflow, a.step_name, a.threshold_percent, a.resolve_percent, a.window_length, a.minimum_count)
      IS DISTINCT FROM (excluded.kind, excluded.queue, excluded.workflow, excluded.step_name, excluded.threshold_percent,
                        excluded.resolve_percent, excluded.window_length, excluded.minimum_count);
