-- Refused webhook requests are counted in memory and written in aggregate: one row per
-- app, reason and minute, whose count grows with each flush (issue 10, item 4: a junk
-- POST no longer costs a committed row). The rows of webhook_rejections become their
-- minutes' counts; retention forgets rows older than baton.retention.keep-days.

CREATE TABLE baton.webhook_refusals (
    tenant_id uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id    text        NOT NULL,
    minute    timestamptz NOT NULL,
    reason    text        NOT NULL,
    status    integer     NOT NULL,
    count     bigint      NOT NULL CHECK (count > 0),
    detail    text        NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, app_id, minute, reason)
);
CREATE INDEX webhook_refusals_by_minute ON baton.webhook_refusals (tenant_id, minute);

INSERT INTO baton.webhook_refusals (tenant_id, app_id, minute, reason, status, count, detail)
SELECT tenant_id, app_id, date_trunc('minute', at), reason, max(status), count(*), max(detail)
FROM baton.webhook_rejections
GROUP BY tenant_id, app_id, date_trunc('minute', at), reason;

DROP TABLE baton.webhook_rejections;

GRANT SELECT, INSERT, UPDATE, DELETE ON baton.webhook_refusals TO ${app_role};

ALTER TABLE baton.webhook_refusals ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.webhook_refusals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.webhook_refusals
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
