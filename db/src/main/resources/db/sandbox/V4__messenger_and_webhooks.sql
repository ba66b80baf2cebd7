-- Messenger: conversations between a page and a person (the 24-hour window, the
-- thread owner of the handover protocol), the messages both sides sent (for the
-- simulator's chat view), the page's Messenger profile, notification tokens; and
-- webhook delivery: the outbox, per-app delivery state and faults, recent errors
-- and developer alerts. Times come from the sandbox's clock, never now(), so that
-- tests can move time.

-- One conversation per page and person, keyed by the person's PSID on that page.
CREATE TABLE sandbox.conversations (
    page_id            text        NOT NULL REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    psid               text        NOT NULL REFERENCES sandbox.psids (id) ON DELETE CASCADE,
    -- last message, postback, reaction, referral or opt-in of the person (the window)
    last_interaction_at timestamptz,
    -- last message of the person (HUMAN_AGENT's 7 days)
    last_message_at    timestamptz,
    -- explicit thread owner (NULL: idle, the primary receiver acts as owner)
    owner_app_id       text,
    owner_since        timestamptz,
    owner_active_at    timestamptz,
    PRIMARY KEY (page_id, psid)
);

-- What both sides said, for the chat view; body is the message as sent or received.
CREATE TABLE sandbox.messenger_messages (
    mid        text PRIMARY KEY,
    page_id    text        NOT NULL,
    psid       text        NOT NULL,
    from_page  boolean     NOT NULL,
    app_id     text,
    body       jsonb       NOT NULL,
    sent_at    timestamptz NOT NULL,
    seq        bigserial,
    FOREIGN KEY (page_id, psid) REFERENCES sandbox.conversations (page_id, psid) ON DELETE CASCADE
);
CREATE INDEX messenger_messages_conversation ON sandbox.messenger_messages (page_id, psid, seq);

-- POST /me/messenger_profile: one value per page and field.
CREATE TABLE sandbox.messenger_profiles (
    page_id text  NOT NULL REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    field   text  NOT NULL,
    value   jsonb NOT NULL,
    PRIMARY KEY (page_id, field)
);

-- One-time notification tokens: good once, for a year.
CREATE TABLE sandbox.otn_tokens (
    token      text PRIMARY KEY,
    page_id    text        NOT NULL,
    psid       text        NOT NULL,
    payload    text        NOT NULL DEFAULT '',
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    FOREIGN KEY (page_id, psid) REFERENCES sandbox.conversations (page_id, psid) ON DELETE CASCADE
);

-- Recurring notification ("marketing message") tokens, one per topic (payload).
CREATE TABLE sandbox.recurring_tokens (
    token        text PRIMARY KEY,
    page_id      text        NOT NULL,
    psid         text        NOT NULL,
    payload      text        NOT NULL DEFAULT '',
    title        text        NOT NULL DEFAULT '',
    frequency    text        NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY')),
    timezone     text        NOT NULL DEFAULT 'UTC',
    issued_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    stopped      boolean     NOT NULL DEFAULT false,
    last_sent_at timestamptz,
    FOREIGN KEY (page_id, psid) REFERENCES sandbox.conversations (page_id, psid) ON DELETE CASCADE
);

-- Webhook updates waiting to be delivered: one entry item each, in id order per app.
CREATE TABLE sandbox.webhook_outbox (
    id              bigserial PRIMARY KEY,
    app_id          text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    page_id         text        NOT NULL,
    entry           text        NOT NULL, -- JSON, kept as text so key order survives
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0
);
CREATE INDEX webhook_outbox_app ON sandbox.webhook_outbox (app_id, id);

-- Per app: the delivery lease (one POST in flight), how long it has been failing,
-- and the faults injected by the simulator.
CREATE TABLE sandbox.webhook_apps (
    app_id        text PRIMARY KEY REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    leased_until  timestamptz,
    failing_since timestamptz,
    alerted_at    timestamptz,
    delay_ms      integer NOT NULL DEFAULT 0 CHECK (delay_ms BETWEEN 0 AND 120000),
    duplicate     boolean NOT NULL DEFAULT false,
    drop_updates  boolean NOT NULL DEFAULT false
);

-- "Show recent errors" of the app dashboard.
CREATE TABLE sandbox.webhook_errors (
    id          bigserial PRIMARY KEY,
    app_id      text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    happened_at timestamptz NOT NULL,
    url         text        NOT NULL,
    http_status integer,
    error       text        NOT NULL
);
CREATE INDEX webhook_errors_app ON sandbox.webhook_errors (app_id, id DESC);

-- Developer alerts (after alert-after of failures) and the disabling (after disable-after).
CREATE TABLE sandbox.webhook_alerts (
    id          bigserial PRIMARY KEY,
    app_id      text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('failing', 'disabled')),
    happened_at timestamptz NOT NULL,
    message     text        NOT NULL
);
CREATE INDEX webhook_alerts_app ON sandbox.webhook_alerts (app_id, id DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON
    sandbox.conversations, sandbox.messenger_messages, sandbox.messenger_profiles, sandbox.otn_tokens,
    sandbox.recurring_tokens, sandbox.webhook_outbox, sandbox.webhook_apps, sandbox.webhook_errors,
    sandbox.webhook_alerts
    TO ${app_role};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA sandbox TO ${app_role};
