-- The queues a starting worker serves or its workflows start runs in (@names, a JSON array), stored not paused; a
-- stored queue keeps its switch.
INSERT INTO queues (name, created_at, updated_at)
SELECT n.value, @now, @now
FROM json_each(@names) AS n
WHERE true
ON CONFLICT (name) DO NOTHING;
