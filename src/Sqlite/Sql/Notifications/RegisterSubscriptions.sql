-- The notifications a starting worker's workflows ask for (@subscriptions, a JSON array of objects): each is stored,
-- replacing the one stored before (the latest start wins), and a workflow of this worker (@workflows, a JSON
-- array) that asks for none any more loses the one stored.
DELETE FROM notification_subscriptions
WHERE workflow IN (SELECT value FROM json_each(@workflows))
  AND workflow NOT IN (SELECT json_extract(value, '$.workflow') FROM json_each(@subscriptions));

INSERT INTO notification_subscriptions (workflow, on_failed, on_succeeded, on_cancelled, webhook, updated_at)
SELECT json_extract(d.value, '$.workflow'), json_extract(d.value, '$.on_failed'), json_extract(d.value, '$.on_succeeded'),
       json_extract(d.value, '$.on_cancelled'), json_extract(d.value, '$.webhook'), @now
FROM json_each(@subscriptions) AS d
WHERE true
ON CONFLICT (workflow) DO UPDATE
SET on_failed = excluded.on_failed,
    on_succeeded = excluded.on_succeeded,
    on_cancelled = excluded.on_cancelled,
    webhook = excluded.webhook,
    updated_at = excluded.updated_at;
