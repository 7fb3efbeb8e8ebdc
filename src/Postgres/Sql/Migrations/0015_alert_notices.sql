-- Alert notices waiting for their sinks (an outbox). An evaluation that moves a rule's state writes the notice in
-- the same transaction, so a notice exists exactly when its state change does; any worker then delivers it until
-- every sink took it, however long a sink is down and whichever process stops meanwhile. A new table: nothing
-- existing is locked or rewritten.

CREATE TABLE {schema}.alert_notices (
    id               uuid        PRIMARY KEY,
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    alert            text        NOT NULL,
    kind             text        NOT NULL,
    payload          jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_to     text[]      NOT NULL DEFAULT '{}',
    delivered_at     timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    lease_owner      uuid,
    lease_until      timestamptz,
    CONSTRAINT alert_notices_kind_known CHECK (kind IN ('firing', 'resolved')),
    CONSTRAINT alert_notices_lease_whole CHECK ((lease_owner IS NULL) = (lease_until IS NULL))
);

-- The claim: the undelivered notices of a rule, in the order they were written. Delivered ones leave it.
CREATE INDEX alert_notices_undelivered ON {schema}.alert_notices (alert, seq) WHERE delivered_at IS NULL;

-- Retention: the oldest first.
CREATE INDEX alert_notices_created ON {schema}.alert_notices (created_at);

COMMENT ON TABLE {schema}.alert_notices IS 'Alert notices until every sink took them (an outbox written with the alert''s state change), kept a while after for retention.';
COMMENT ON COLUMN {schema}.alert_notices.id IS 'The notice''s stable id: sent with every delivery (the webhook''s webhook-id header and inquir.noticeId), so a receiver can drop a repeat.';
COMMENT ON COLUMN {schema}.alert_notices.payload IS 'The AlertNotice as JSON, exactly as the sinks are given it.';
COMMENT ON COLUMN {schema}.alert_notices.delivered_to IS 'The sinks that took the notice; a later try sends it only to the others.';
COMMENT ON COLUMN {schema}.alert_notices.delivered_at IS 'When every sink had taken it; null while some sink has not.';
COMMENT ON COLUMN {schema}.alert_notices.lease_until IS 'A delivering worker holds the rule''s undelivered notices until then; a worker that stopped or died lets it run out, and another delivers.';
