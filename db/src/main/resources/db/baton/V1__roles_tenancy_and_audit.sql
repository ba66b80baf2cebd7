-- Baton's core schema: users, tenants, memberships, invitations, audit log.
--
-- Two database roles, created here if missing (roles are cluster-wide):
--   ${app_role} (baton_app by default, baton.db.app-role)
--                    what Baton runs its queries as (SET ROLE via the connection's
--                    startup options). Not a superuser and NOBYPASSRLS, so every
--                    tenant-owned table's row-level security binds it.
--   baton_directory  owns the few SECURITY DEFINER functions that must work before
--                    a tenant is known or across tenants (docs/architecture.md lists
--                    them). Nobody logs in as it and ${app_role} is not a member of it.
-- Each step is guarded, so an administrator may create the roles and grant them
-- beforehand (then the migrating login needs no CREATEROLE).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        BEGIN
            CREATE ROLE ${app_role} NOLOGIN NOSUPERUSER NOBYPASSRLS;
        EXCEPTION WHEN duplicate_object THEN NULL;
        END;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'baton_directory') THEN
        BEGIN
            CREATE ROLE baton_directory NOLOGIN NOSUPERUSER NOBYPASSRLS;
        EXCEPTION WHEN duplicate_object THEN NULL;
        END;
    END IF;
    -- The migrating user must be able to SET ROLE ${app_role} (it is also Baton's
    -- login user in the default setup) and to hand functions to baton_directory.
    IF NOT pg_has_role(current_user, '${app_role}', 'MEMBER') THEN
        EXECUTE format('GRANT ${app_role} TO %I', current_user);
    END IF;
    IF NOT pg_has_role(current_user, 'baton_directory', 'MEMBER') THEN
        EXECUTE format('GRANT baton_directory TO %I', current_user);
    END IF;
END
$$;

GRANT USAGE ON SCHEMA baton TO ${app_role}, baton_directory;
REVOKE ALL ON baton.flyway_schema_history FROM PUBLIC;

-- The current tenant is a transaction-local setting; unset means NULL and
-- every policy below then matches nothing: a forgotten setting fails closed.
CREATE FUNCTION baton.current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('baton.tenant_id', true), '')::uuid $$;

-- People who signed in. Identity is global, not tenant-owned: a person may be
-- a member of several tenants.
CREATE TABLE baton.users (
    id              uuid PRIMARY KEY,
    provider        text        NOT NULL,
    subject         text        NOT NULL,
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, subject)
);

CREATE TABLE baton.tenants (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
    is_demo    boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE baton.memberships (
    tenant_id uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    user_id   uuid        NOT NULL REFERENCES baton.users (id) ON DELETE CASCADE,
    role      text        NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'viewer')),
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE UNIQUE INDEX memberships_one_owner ON baton.memberships (tenant_id) WHERE role = 'owner';
CREATE INDEX memberships_by_user ON baton.memberships (user_id);

CREATE TABLE baton.invitations (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    email       text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    role        text        NOT NULL CHECK (role IN ('admin', 'agent', 'viewer')),
    token_hash  bytea       NOT NULL UNIQUE,
    invited_by  uuid        REFERENCES baton.users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid        REFERENCES baton.users (id) ON DELETE SET NULL,
    revoked_at  timestamptz
);
CREATE INDEX invitations_by_tenant ON baton.invitations (tenant_id, created_at DESC);

CREATE TABLE baton.audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL DEFAULT now(),
    actor_id   uuid,
    actor_name text        NOT NULL,
    action     text        NOT NULL,
    target     text        NOT NULL DEFAULT '',
    details    jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_by_tenant ON baton.audit_log (tenant_id, id DESC);
CREATE INDEX audit_log_by_tenant_action ON baton.audit_log (tenant_id, action, id DESC);

GRANT SELECT, INSERT, UPDATE ON baton.users TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON baton.tenants, baton.memberships, baton.invitations TO ${app_role};
GRANT SELECT, INSERT ON baton.audit_log TO ${app_role};
GRANT SELECT ON baton.tenants, baton.memberships, baton.invitations TO baton_directory;

-- Row-level security, forced so that the tables' owner is bound as well.
ALTER TABLE baton.tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.tenants
    USING (id = baton.current_tenant()) WITH CHECK (id = baton.current_tenant());
CREATE POLICY directory_read ON baton.tenants FOR SELECT TO baton_directory USING (true);

ALTER TABLE baton.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.memberships
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
CREATE POLICY directory_read ON baton.memberships FOR SELECT TO baton_directory USING (true);

ALTER TABLE baton.invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.invitations
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
CREATE POLICY directory_read ON baton.invitations FOR SELECT TO baton_directory USING (true);

ALTER TABLE baton.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.audit_log
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

-- Directory function 1: sign-in lists the tenants a user belongs to.
CREATE FUNCTION baton.memberships_of(p_user uuid)
    RETURNS TABLE (tenant_id uuid, tenant_name text, role text, is_demo boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    SELECT m.tenant_id, t.name, m.role, t.is_demo
      FROM baton.memberships m
      JOIN baton.tenants t ON t.id = m.tenant_id
     WHERE m.user_id = p_user
     ORDER BY t.name, t.id
$$;

-- Directory function 2: an invitation link is opened by someone who is not yet
-- a member; the token's hash finds the invitation and its tenant.
CREATE FUNCTION baton.invitation_by_token(p_token_hash bytea)
    RETURNS TABLE (id uuid, tenant_id uuid, tenant_name text, email text, role text,
                   expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    SELECT i.id, i.tenant_id, t.name, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at
      FROM baton.invitations i
      JOIN baton.tenants t ON t.id = i.tenant_id
     WHERE i.token_hash = p_token_hash
$$;

-- A new owner needs CREATE on the schema; baton_directory has it only for this hand-over.
GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.memberships_of(uuid) OWNER TO baton_directory;
ALTER FUNCTION baton.invitation_by_token(bytea) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.memberships_of(uuid), baton.invitation_by_token(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.memberships_of(uuid), baton.invitation_by_token(bytea) TO ${app_role};
GRANT EXECUTE ON FUNCTION baton.current_tenant() TO ${app_role}, baton_directory;
