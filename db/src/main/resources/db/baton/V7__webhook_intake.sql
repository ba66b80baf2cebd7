-- Webhook intake: every batch Baton answered 200 for, as the exact bytes Facebook
-- signed, and every request it refused, with the reason, for the health page.

CREATE TABLE baton.webhook_batches (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id      text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    body        bytea       NOT NULL,
    entries     integer     NOT NULL,
    routed_at   timestamptz
);
CREATE INDEX webhook_batches_unrouted ON baton.webhook_batches (received_at) WHERE routed_at IS NULL;
CREATE INDEX webhook_batches_by_app ON baton.webhook_batches (tenant_id, app_id, received_at DESC);

CREATE TABLE baton.webhook_rejections (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id      text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    status      integer     NOT NULL,
    reason      text        NOT NULL
        CHECK (reason IN ('missing_signature', 'bad_signature', 'malformed_json', 'too_large')),
    detail      text        NOT NULL DEFAULT ''
);
CREATE INDEX webhook_rejections_by_app ON baton.webhook_rejections (tenant_id, app_id, at DESC);

GRANT SELECT, INSERT, UPDATE ON baton.webhook_batches TO ${app_role};
GRANT SELECT, INSERT ON baton.webhook_rejections TO ${app_role};

ALTER TABLE baton.webhook_batches ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.webhook_batches FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.webhook_batches
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

ALTER TABLE baton.webhook_rejections ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.webhook_rejections FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.webhook_rejections
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
