INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, CAST(unixepoch('subsec') * 1000 AS INTEGER));
