-- A workflow rule's numbers: runs that finished in the window, succeeded or failed (a cancelled run is neither),
-- and the commonest error messages of the failed ones. Reads only the window, through runs_finished_by_workflow
-- (workflow, completed_at) WHERE status IN ('succeeded', 'failed'): the bounds are stable expressions, not columns
-- of a joined row, so that they are the index scan's range. Also returns the evaluation's clock, so that the
-- state's times come from the same now.
WITH finished AS (
    SELECT r.status, r.error
    FROM {schema}.runs AS r
    WHERE r.workflow = @workflow
      AND r.status IN ('succeeded', 'failed')
      AND r.completed_at > COALESCE(@now::timestamptz, now()) - @window::interval
      AND r.completed_at <= COALESCE(@now::timestamptz, now())
),
errors AS (
    SELECT left(error, 500) AS message, count(*) AS count
    FROM finished
    WHERE status = 'failed' AND error IS NOT NULL
    GROUP BY left(error, 500)
    ORDER BY count(*) DESC, left(error, 500)
    LIMIT @topErrors
)
SELECT COALESCE(@now::timestamptz, now()) AS now,
       (SELECT count(*) FROM finished)::integer AS total,
       (SELECT count(*) FROM finished WHERE status = 'failed')::integer AS failures,
       COALESCE((SELECT array_agg(message ORDER BY count DESC, message) FROM errors), '{}') AS error_messages,
       COALESCE((SELECT array_agg(count::integer ORDER BY count DESC, message) FROM errors), '{}') AS error_counts;
