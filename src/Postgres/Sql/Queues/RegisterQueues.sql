-- The queues a starting worker serves or its workflows start runs in, stored not paused; a stored queue keeps its switch.
INSERT INTO {schema}.queues (name, created_at, updated_at)
SELECT n.name, COALESCE(@now::timestamptz, now()), COALESCE(@now::timestamptz, now())
FROM unnest(@names::text[]) AS n(name)
ON CONFLICT (name) DO NOTHING;
