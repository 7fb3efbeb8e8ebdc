SELECT name, kind, queue, workflow, step_name, threshold_percent, resolve_percent, window_length, minimum_count, state, state_since,
       last_rate_percent, last_failures, last_total, last_age, last_seen_at, last_evaluated_at
FROM {schema}.alerts
ORDER BY name;
