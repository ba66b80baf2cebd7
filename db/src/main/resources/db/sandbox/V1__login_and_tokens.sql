-- The Graph sandbox's world, first piece: people, apps, what each person
-- granted each app, the Login dialog's own sessions, authorization codes and
-- access tokens. Applied by the sandbox's own Flyway (history table
-- sandbox.flyway_sandbox_history) only when the sandbox is on. Pages and page
-- tokens come in a later migration (access_tokens.kind will gain 'PAGE').
--
-- ${app_role} is the role Baton's R2DBC connections run as; Baton's own
-- migration creates it too, whichever runs first wins.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        CREATE ROLE ${app_role} NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA sandbox TO ${app_role};

-- Facebook-like numeric ids, shared by people and app-scoped ids so that an
-- ASID never equals a user id.
CREATE SEQUENCE sandbox.object_ids START WITH 100000000000001;

-- People who can sign in to the sandbox's "Facebook".
CREATE TABLE sandbox.users (
    id         text PRIMARY KEY DEFAULT nextval('sandbox.object_ids')::text,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Facebook apps. redirect_uris are the "Valid OAuth Redirect URIs".
CREATE TABLE sandbox.apps (
    id                       text PRIMARY KEY CHECK (id ~ '^[0-9]+$'),
    secret                   text        NOT NULL,
    name                     text        NOT NULL,
    redirect_uris            text[]      NOT NULL DEFAULT '{}',
    appsecret_proof_required boolean     NOT NULL DEFAULT false,
    created_at               timestamptz NOT NULL DEFAULT now()
);

-- One app-scoped user id (ASID) per app and person, what /me answers.
CREATE TABLE sandbox.app_scoped_ids (
    app_id     text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    user_id    text        NOT NULL REFERENCES sandbox.users (id) ON DELETE CASCADE,
    id         text        NOT NULL UNIQUE DEFAULT nextval('sandbox.object_ids')::text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, user_id)
);

-- What a person answered for each permission an app asked for. No rows for
-- (app, user) means the app is not authorised.
CREATE TABLE sandbox.grants (
    app_id     text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    user_id    text        NOT NULL REFERENCES sandbox.users (id) ON DELETE CASCADE,
    permission text        NOT NULL CHECK (permission ~ '^[a-z_]+$'),
    status     text        NOT NULL CHECK (status IN ('granted', 'declined')),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, user_id, permission)
);

-- The Login dialog's own sign-in (cookie sandbox_fb_user), never Baton's session.
CREATE TABLE sandbox.dialog_sessions (
    id         text PRIMARY KEY,
    user_id    text        NOT NULL REFERENCES sandbox.users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

CREATE INDEX dialog_sessions_user ON sandbox.dialog_sessions (user_id);

-- Codes the dialog hands to redirect_uri: good once, briefly, for that redirect_uri.
CREATE TABLE sandbox.authorization_codes (
    code         text PRIMARY KEY,
    app_id       text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    user_id      text        NOT NULL REFERENCES sandbox.users (id) ON DELETE CASCADE,
    redirect_uri text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);

-- Every token the sandbox issued, so it can be checked and invalidated.
-- invalidated_reason: 'deauthorized' (190/458) or 'session' (190/460).
CREATE TABLE sandbox.access_tokens (
    token              text PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('USER', 'APP')),
    app_id             text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    user_id            text        REFERENCES sandbox.users (id) ON DELETE CASCADE,
    long_lived         boolean     NOT NULL DEFAULT false,
    issued_at          timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz,
    invalidated_at     timestamptz,
    invalidated_reason text CHECK (invalidated_reason IN ('deauthorized', 'session')),
    CHECK ((kind = 'USER') = (user_id IS NOT NULL))
);

CREATE INDEX access_tokens_app_user ON sandbox.access_tokens (app_id, user_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON
    sandbox.users, sandbox.apps, sandbox.app_scoped_ids, sandbox.grants,
    sandbox.dialog_sessions, sandbox.authorization_codes, sandbox.access_tokens
    TO ${app_role};
GRANT USAGE ON SEQUENCE sandbox.object_ids TO ${app_role};
