-- The notifications a starting worker's workflows ask for (parallel arrays, one element per subscribed workflow):
-- each is stored, replacing the one stored before (the latest start wins), and a workflow of this worker
-- (@workflows) that asks for none any more loses the one stored.
WITH removed AS (
    DELETE FROM {schema}.notification_subscriptions AS s
    WHERE s.workflow = ANY(@workflows::text[])
      AND NOT (s.workflow = ANY(@subscribed::text[]))
)
INSERT INTO {schema}.notification_subscriptions AS s (workflow, on_failed, on_succeeded, on_cancelled, webhook, updated_at)
SELECT d.workflow, d.on_failed, d.on_succeeded, d.on_cancelled, d.webhook, COALESCE(@now::timestamptz, now())
FROM unnest(@subscribed::text[], @on_failed::boolean[], @on_succeeded::boolean[], @on_cancelled::boolean[], @webhooks::text[])
    AS d(workflow, on_failed, on_succeeded, on_cancelled, webhook)
ON CONFLICT (workflow) DO UPDATE
SET on_failed = EXCLUDED.on_failed,
    on_succeeded = EXCLUDED.on_succeeded,
    on_cancelled = EXCLUDED.on_cancelled,
    webhook = EXCLUDED.webhook,
    updated_at = EXCLUDED.updated_at;
