-- The tenant's Facebook apps and the API keys their bots call Baton with.

-- A Facebook app id belongs to one tenant at most: its webhooks can reach only one
-- tenant, so the id is the primary key across all tenants.
CREATE TABLE baton.apps (
    app_id              text PRIMARY KEY CHECK (app_id ~ '^[0-9]{1,32}$'),
    tenant_id           uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    name                text        NOT NULL,
    secret_sealed       text        NOT NULL,
    secret_hint         text        NOT NULL,
    verify_token        text        NOT NULL,
    bot_endpoint        text,
    -- The app's page webhook subscription as Baton last set it through Graph.
    subscription_state  text        NOT NULL DEFAULT 'pending'
        CHECK (subscription_state IN ('pending', 'subscribed', 'failed')),
    subscription_answer text        NOT NULL DEFAULT '',
    subscription_at     timestamptz,
    auto_resubscribe    boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX apps_by_tenant ON baton.apps (tenant_id, name);

-- Keys a bot presents to Baton's Graph-compatible API; only a hash is kept.
CREATE TABLE baton.api_keys (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id       text        NOT NULL REFERENCES baton.apps (app_id) ON DELETE CASCADE,
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,
    hash         bytea       NOT NULL,
    created_by   uuid        REFERENCES baton.users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_keys_by_app ON baton.api_keys (tenant_id, app_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON baton.apps, baton.api_keys TO ${app_role};
GRANT SELECT ON baton.apps TO baton_directory;

ALTER TABLE baton.apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.apps FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.apps
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
CREATE POLICY directory_read ON baton.apps FOR SELECT TO baton_directory USING (true);

ALTER TABLE baton.api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.api_keys
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

-- Directory function 3: a webhook request names only the Facebook app; this finds
-- its tenant and what the handshake and the signature check need.
CREATE FUNCTION baton.app_directory(p_app_id text)
    RETURNS TABLE (tenant_id uuid, verify_token text, secret_sealed text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    SELECT a.tenant_id, a.verify_token, a.secret_sealed FROM baton.apps a WHERE a.app_id = p_app_id
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.app_directory(text) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.app_directory(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.app_directory(text) TO ${app_role};
