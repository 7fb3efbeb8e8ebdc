-- The invalid indexes of the schema, each as a quoted, schema-qualified name: what an interrupted
-- CREATE INDEX CONCURRENTLY leaves behind. IF NOT EXISTS would take such an index for built and skip it.
-- format's %I quotes the names, so they can stand in a DROP INDEX (DDL takes no bound identifiers).
SELECT format('%I.%I', n.nspname, c.relname) AS index_name
FROM pg_index AS i
JOIN pg_class AS c ON c.oid = i.indexrelid
JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = @schema
  AND NOT i.indisvalid;
