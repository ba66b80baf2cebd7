-- Pages, the people who manage them, the pages each person granted to each app in
-- the Login dialog, page access tokens, webhook subscriptions at the app and the
-- page level, app roles for the handover protocol, and page-scoped ids (PSIDs).

CREATE TABLE sandbox.pages (
    id         text PRIMARY KEY DEFAULT nextval('sandbox.object_ids')::text,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    category   text        NOT NULL DEFAULT 'Local business',
    -- Page Settings -> Advanced Messaging: one-time and recurring notifications.
    otn_enabled       boolean NOT NULL DEFAULT true,
    recurring_enabled boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Who has a role on a page; tasks as /me/accounts reports them.
CREATE TABLE sandbox.page_roles (
    page_id    text   NOT NULL REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    user_id    text   NOT NULL REFERENCES sandbox.users (id) ON DELETE CASCADE,
    tasks      text[] NOT NULL DEFAULT '{ADVERTISE,ANALYZE,CREATE_CONTENT,MESSAGING,MODERATE,MANAGE}',
    PRIMARY KEY (page_id, user_id)
);
CREATE INDEX page_roles_user ON sandbox.page_roles (user_id);

-- The pages a person chose to grant an app in the Login dialog
-- (granular_scopes target_ids; /me/accounts lists only these).
CREATE TABLE sandbox.page_grants (
    app_id     text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    user_id    text        NOT NULL REFERENCES sandbox.users (id) ON DELETE CASCADE,
    page_id    text        NOT NULL REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, user_id, page_id)
);

-- Page tokens: issued through /me/accounts for (app, person, page).
ALTER TABLE sandbox.access_tokens DROP CONSTRAINT access_tokens_kind_check;
ALTER TABLE sandbox.access_tokens DROP CONSTRAINT access_tokens_check;
ALTER TABLE sandbox.access_tokens ADD COLUMN page_id text REFERENCES sandbox.pages (id) ON DELETE CASCADE;
ALTER TABLE sandbox.access_tokens ADD CONSTRAINT access_tokens_kind_check CHECK (kind IN ('USER', 'APP', 'PAGE'));
ALTER TABLE sandbox.access_tokens ADD CONSTRAINT access_tokens_shape_check CHECK (
    (kind = 'APP' AND user_id IS NULL AND page_id IS NULL)
    OR (kind = 'USER' AND user_id IS NOT NULL AND page_id IS NULL)
    OR (kind = 'PAGE' AND user_id IS NOT NULL AND page_id IS NOT NULL));
ALTER TABLE sandbox.access_tokens DROP CONSTRAINT access_tokens_invalidated_reason_check;
-- 'password' 460, 'expired' 463 (forced), 'deauthorized' 458, 'role_lost' and
-- 'permission_revoked' (plain 190): what Baton must tell apart by code and subcode.
ALTER TABLE sandbox.access_tokens ADD CONSTRAINT access_tokens_invalidated_reason_check CHECK (
    invalidated_reason IN ('deauthorized', 'session', 'password', 'expired', 'role_lost', 'permission_revoked'));
CREATE INDEX access_tokens_page ON sandbox.access_tokens (page_id) WHERE page_id IS NOT NULL;

-- App-level webhook subscription (POST /{app-id}/subscriptions), one per object.
CREATE TABLE sandbox.app_subscriptions (
    app_id         text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    object         text        NOT NULL CHECK (object IN ('page', 'user', 'application')),
    callback_url   text        NOT NULL,
    verify_token   text        NOT NULL DEFAULT '',
    fields         text[]      NOT NULL DEFAULT '{}',
    include_values boolean     NOT NULL DEFAULT false,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, object)
);

-- Page-level subscription (POST /{page-id}/subscribed_apps).
CREATE TABLE sandbox.page_subscriptions (
    page_id           text        NOT NULL REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    app_id            text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    subscribed_fields text[]      NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (page_id, app_id)
);
CREATE INDEX page_subscriptions_app ON sandbox.page_subscriptions (app_id);

-- Handover protocol roles of apps on a page (Page Settings -> Advanced Messaging).
-- At most one primary receiver; the Page Inbox (263902037430900) is a secondary
-- receiver of every page unless removed.
CREATE TABLE sandbox.page_app_roles (
    page_id text NOT NULL REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    app_id  text NOT NULL,
    role    text NOT NULL CHECK (role IN ('primary_receiver', 'secondary_receiver')),
    PRIMARY KEY (page_id, app_id)
);
CREATE UNIQUE INDEX page_app_roles_one_primary ON sandbox.page_app_roles (page_id) WHERE role = 'primary_receiver';

-- Page-scoped ids: one person has a different PSID on each page.
CREATE TABLE sandbox.psids (
    page_id    text        NOT NULL REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    user_id    text        NOT NULL REFERENCES sandbox.users (id) ON DELETE CASCADE,
    id         text        NOT NULL UNIQUE DEFAULT nextval('sandbox.object_ids')::text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (page_id, user_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON
    sandbox.pages, sandbox.page_roles, sandbox.page_grants, sandbox.app_subscriptions,
    sandbox.page_subscriptions, sandbox.page_app_roles, sandbox.psids
    TO ${app_role};
