-- 100,000 runs over seven days in five workflows: 90 % succeeded, 8 % failed, 2 % pending. Every run has a
-- Prepare attempt; failed runs a failed Upload; one succeeded run in a hundred failed Upload twice with
-- "disk quota exceeded on volume N" before it succeeded (the case only an any-attempt search finds).
INSERT INTO inquir.runs (id, workflow, status, step_index, step_name, attempt, input, error, created_at, updated_at, completed_at, next_attempt_at)
SELECT gen_random_uuid(),
       (ARRAY['export', 'billing', 'email', 'report', 'sync'])[1 + i % 5],
       CASE WHEN i % 50 = 0 THEN 'pending' WHEN i % 100 < 8 THEN 'failed' ELSE 'succeeded' END,
       1, 'Upload', 1,
       jsonb_build_object('userId', i, 'note', 'run ' || i),
       CASE WHEN i % 50 <> 0 AND i % 100 < 8 THEN 'connection timeout after ' || (i % 997) || ' ms' END,
       now() - (i * interval '6 seconds'), now() - (i * interval '6 seconds'),
       CASE WHEN i % 50 <> 0 THEN now() - (i * interval '6 seconds') + interval '2 seconds' END,
       CASE WHEN i % 50 = 0 THEN now() END
FROM generate_series(1, 100000) AS i;

INSERT INTO inquir.attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome)
SELECT id, 0, 'Prepare', 1, created_at, 3, 'succeeded' FROM inquir.runs;

INSERT INTO inquir.attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome, error_type, error_message)
SELECT id, 1, 'Upload', 1, created_at, 9, 'failed', 'System.TimeoutException', error FROM inquir.runs WHERE status = 'failed';

INSERT INTO inquir.attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome, error_type, error_message)
SELECT id, 1, 'Upload', a, created_at, 9, 'failed', 'System.IO.IOException', 'disk quota exceeded on volume ' || ((input->>'userId')::int % 1000)
FROM inquir.runs CROSS JOIN generate_series(1, 2) AS a
WHERE status = 'succeeded' AND (input->>'userId')::int % 100 = 11;

INSERT INTO inquir.attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome)
SELECT id, 1, 'Upload', CASE WHEN (input->>'userId')::int % 100 = 11 THEN 3 ELSE 1 END, created_at, 9, 'succeeded'
FROM inquir.runs WHERE status = 'succeeded';

ANALYZE inquir.runs;
ANALYZE inquir.attempts;
SELECT (SELECT count(*) FROM inquir.runs) AS runs, (SELECT count(*) FROM inquir.attempts) AS attempts,
       (SELECT count(*) FROM pg_indexes WHERE indexname = 'attempts_error_trigrams') AS trigram_index;
