-- Facebook Pages connected to a tenant's apps, and the page-token vault.

-- A page belongs to one tenant at most (its conversations and contacts are that
-- tenant's); one page may be connected to several of that tenant's apps.
CREATE TABLE baton.pages (
    page_id    text PRIMARY KEY CHECK (page_id ~ '^[0-9]{1,32}$'),
    tenant_id  uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    category   text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pages_by_tenant ON baton.pages (tenant_id, name);

-- One app on one page: the page token Facebook Login gave (sealed), what it may
-- do, and what Baton last learnt of it.
CREATE TABLE baton.page_connections (
    tenant_id              uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id                 text        NOT NULL REFERENCES baton.apps (app_id) ON DELETE CASCADE,
    page_id                text        NOT NULL REFERENCES baton.pages (page_id) ON DELETE CASCADE,
    token_sealed           text        NOT NULL,
    scopes                 text[]      NOT NULL DEFAULT '{}',
    subscribed_fields      text[]      NOT NULL DEFAULT '{}',
    issued_at              timestamptz NOT NULL DEFAULT now(),
    expires_at             timestamptz,
    data_access_expires_at timestamptz,
    last_used_at           timestamptz,
    last_checked_at        timestamptz,
    status                 text        NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'invalid')),
    cause                  text        NOT NULL DEFAULT '',
    connected_by           uuid        REFERENCES baton.users (id) ON DELETE SET NULL,
    connected_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, page_id)
);
CREATE INDEX page_connections_by_tenant ON baton.page_connections (tenant_id, status);
CREATE INDEX page_connections_by_page ON baton.page_connections (page_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON baton.pages, baton.page_connections TO ${app_role};

ALTER TABLE baton.pages ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.pages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.pages
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

ALTER TABLE baton.page_connections ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.page_connections FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.page_connections
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
