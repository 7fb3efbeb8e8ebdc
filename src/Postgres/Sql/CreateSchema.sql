-- Run only when the schema is missing: CREATE SCHEMA checks the CREATE privilege on the database even when the
-- schema exists, and a role that owns only its schema does not have it.
CREATE SCHEMA IF NOT EXISTS {schema};
