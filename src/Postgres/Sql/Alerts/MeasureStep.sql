-- A step rule's numbers: attempts of the step that started in the window and ended in success or failure (an
-- interrupted, superseded or cancelled attempt says nothing about the step), and the commonest error messages.
-- Reads only the window, through attempts_by_step_start (step_name, started_at): the bounds are stable expressions,
-- so that they are the index scan's range. The workflow of each of those attempts is read from its run by key, in a
-- subquery the planner keeps as one (a join can be planned as a hash join over every run of the table).
WITH attempted AS (
    SELECT a.outcome IN ('failed', 'timed_out', 'abandoned') AS failed, COALESCE(a.error_message, a.outcome) AS message
    FROM {schema}.attempts AS a
    WHERE a.step_name = @step
      AND a.started_at > COALESCE(@now::timestamptz, now()) - @window::interval
      AND a.started_at <= COALESCE(@now::timestamptz, now())
      AND a.outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned')
      AND (SELECT r.workflow FROM {schema}.runs AS r WHERE r.id = a.run_id) = @workflow
),
errors AS (
    SELECT left(message, 500) AS message, count(*) AS count
    FROM attempted
    WHERE failed
    GROUP BY left(message, 500)
    ORDER BY count(*) DESC, left(message, 500)
    LIMIT @topErrors
)
SELECT COALESCE(@now::timestamptz, now()) AS now,
       (SELECT count(*) FROM attempted)::integer AS total,
       (SELECT count(*) FROM attempted WHERE failed)::integer AS failures,
       COALESCE((SELECT array_agg(message ORDER BY count DESC, message) FROM errors), '{}') AS error_messages,
       COALESCE((SELECT array_agg(count::integer ORDER BY count DESC, message) FROM errors), '{}') AS error_counts;
