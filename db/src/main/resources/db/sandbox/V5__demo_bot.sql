-- The demo bot: a bot endpoint served by the sandbox that records every request it
-- receives, so a person can see a message travel from the simulator through Baton to a
-- bot. Times come from the sandbox's clock, like the event timestamps they are compared
-- with.

-- One row per app whose mode was set.
CREATE TABLE sandbox.demo_bots (
    app_id   text   PRIMARY KEY REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    mode     text   NOT NULL DEFAULT 'ok' CHECK (mode IN ('ok', 'fail', 'slow'))
);

-- Every request the demo bot received, accepted or not, with the one event it carried.
CREATE TABLE sandbox.demo_bot_receipts (
    app_id          text        NOT NULL REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    outcome         text        NOT NULL CHECK (outcome IN ('accepted', 'failed', 'refused')),
    signature_valid boolean     NOT NULL,
    delivery_id     text,
    attempt         integer,
    page_id         text,
    psid            text,
    kind            text        CHECK (kind IN ('messaging', 'standby')),
    event_type      text,
    mid             text,
    text            text,
    -- the event's timestamp (when the person acted) and when the bot received it, in ms
    event_at        timestamptz,
    received_at     timestamptz NOT NULL,
    latency_ms      bigint      GENERATED ALWAYS AS ((EXTRACT(EPOCH FROM (received_at - event_at)) * 1000)::bigint) STORED,
    body            text        NOT NULL,
    PRIMARY KEY (app_id, seq)
);
CREATE INDEX demo_bot_receipts_received ON sandbox.demo_bot_receipts (app_id, received_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON sandbox.demo_bots, sandbox.demo_bot_receipts TO ${app_role};
