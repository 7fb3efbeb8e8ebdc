-- Claims of alert notices one at a time per schema, for the claim's transaction only (a few milliseconds): a claim
-- never sees a rule as free while another claim is leasing it.
SELECT pg_advisory_xact_lock(hashtext(@lockKey));
