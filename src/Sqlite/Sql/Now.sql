-- The time a write transaction works at: the fake time a test passes, else SQLite's clock, read once so that
-- every statement of the transaction agrees. Integer milliseconds since the Unix epoch, as every time is stored.
SELECT COALESCE(@now, CAST(unixepoch('subsec') * 1000 AS INTEGER)) AS now;
