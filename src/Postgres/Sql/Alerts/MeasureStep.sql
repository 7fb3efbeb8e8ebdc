-- A step rule's numbers: attempts of the step that started in the window and ended in success or failure (an
-- interrupted, superseded or cancelled attempt says nothing about the step), and the commonest error messages.
WITH clock AS (SELECT COALESCE(@now::timestamptz, now()) AS now),
attempted AS (
    SELECT a.outcome IN ('failed', 'timed_out', 'abandoned') AS failed, COALESCE(a.error_message, a.outcome) AS message
    FROM {schema}.attempts AS a
    JOIN {schema}.runs AS r ON r.id = a.run_id, clock
    WHERE a.outcome IN ('succeeded', 'failed', 'timed_out', 'abandoned')
      AND a.started_at > clock.now - @window::interval
      AND a.started_at <= clock.now
      AND a.step_name = @step
      AND r.workflow = @workflow
),
errors AS (
    SELECT left(message, 500) AS message, count(*) AS count
    FROM attempted
    WHERE failed
    GROUP BY left(message, 500)
    ORDER BY count(*) DESC, left(message, 500)
    LIMIT @topErrors
)
SELECT (SELECT now FROM clock) AS now,
       (SELECT count(*) FROM attempted)::integer AS total,
       (SELECT count(*) FROM attempted WHERE failed)::integer AS failures,
       COALESCE((SELECT array_agg(message ORDER BY count DESC, message) FROM errors), '{}') AS error_messages,
       COALESCE((SELECT array_agg(count::integer ORDER BY count DESC, message) FROM errors), '{}') AS error_counts;
