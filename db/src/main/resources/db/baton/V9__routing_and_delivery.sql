-- The data plane after intake: routing turns stored batches into events (deduplicated,
-- contacts, 24-hour windows, thread owners, notification tokens) and one delivery per
-- event to the app's bot; delivery POSTs them, retries, breaks circuits, dead-letters.

CREATE INDEX webhook_batches_unrouted_by_app ON baton.webhook_batches (app_id, id) WHERE routed_at IS NULL;

-- Events already routed, by the id Facebook gives them (mid, postback mid, watermark)
-- or a digest of the event: a retried or duplicated batch is delivered once.
CREATE TABLE baton.seen_events (
    tenant_id uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id    text        NOT NULL REFERENCES baton.apps (app_id) ON DELETE CASCADE,
    key       text        NOT NULL,
    seen_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, key)
);
CREATE INDEX seen_events_by_age ON baton.seen_events (tenant_id, seen_at);

-- One row per person per page (PSIDs are page-scoped), kept from webhooks because
-- Facebook offers no API that lists them.
CREATE TABLE baton.contacts (
    tenant_id             uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    page_id               text        NOT NULL,
    psid                  text        NOT NULL,
    first_seen_at         timestamptz NOT NULL,
    last_seen_at          timestamptz NOT NULL,
    -- The person's last message, postback, reaction, referral or opt-in: the 24-hour
    -- window runs from here.
    last_interaction_at   timestamptz,
    account_linking       text CHECK (account_linking IN ('linked', 'unlinked')),
    account_linking_at    timestamptz,
    thread_owner_app_id   text,
    thread_owner_at       timestamptz,
    PRIMARY KEY (tenant_id, page_id, psid)
);
CREATE INDEX contacts_by_page ON baton.contacts (tenant_id, page_id, last_seen_at DESC);

CREATE TABLE baton.contact_referrals (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    page_id   text        NOT NULL,
    psid      text        NOT NULL,
    ref       text        NOT NULL,
    source    text        NOT NULL DEFAULT '',
    type      text        NOT NULL DEFAULT '',
    at        timestamptz NOT NULL
);
CREATE INDEX contact_referrals_by_contact ON baton.contact_referrals (tenant_id, page_id, psid, at DESC);

-- One-time and recurring notification tokens from opt-ins; Facebook has no API that
-- lists them. The token is sealed; its SHA-256 finds it again when the person stops
-- or resumes the topic.
CREATE TABLE baton.notification_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id       text        NOT NULL,
    page_id      text        NOT NULL,
    psid         text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('one_time', 'recurring')),
    topic        text        NOT NULL DEFAULT '',
    payload      text        NOT NULL DEFAULT '',
    token_sealed text        NOT NULL,
    token_hash   bytea       NOT NULL,
    frequency    text,
    timezone     text,
    status       text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped', 'used', 'expired')),
    expires_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, page_id, token_hash)
);
CREATE INDEX notification_tokens_by_contact ON baton.notification_tokens (tenant_id, page_id, psid, created_at DESC);

-- One delivery per routed event to the app's bot. Deliveries of one conversation
-- (lane) go out in id order: only the oldest pending one of a lane is ever claimed.
CREATE TABLE baton.deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id          text        NOT NULL REFERENCES baton.apps (app_id) ON DELETE CASCADE,
    page_id         text        NOT NULL,
    psid            text,
    lane            text        NOT NULL,
    field           text        NOT NULL CHECK (field IN ('messaging', 'standby')),
    event_type      text        NOT NULL,
    mid             text,
    event_at        timestamptz,
    batch_id        bigint      NOT NULL,
    received_at     timestamptz NOT NULL,
    payload         bytea       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivered', 'dead', 'skipped')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    leased_by       text,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_pending_by_lane ON baton.deliveries (lane, id) WHERE status = 'pending';
CREATE INDEX deliveries_by_app ON baton.deliveries (tenant_id, app_id, created_at DESC);
CREATE INDEX deliveries_by_contact ON baton.deliveries (tenant_id, page_id, psid, created_at DESC);
CREATE INDEX deliveries_by_mid ON baton.deliveries (tenant_id, mid) WHERE mid IS NOT NULL;
CREATE INDEX deliveries_dead ON baton.deliveries (tenant_id, app_id) WHERE status = 'dead';

-- Every POST to a bot, with its answer; partitioned by day like the raw batches.
CREATE TABLE baton.delivery_attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id     uuid        NOT NULL,
    delivery_id   bigint      NOT NULL,
    app_id        text        NOT NULL,
    endpoint      text        NOT NULL,
    attempt       integer     NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    duration_ms   integer     NOT NULL,
    status        integer,
    outcome       text        NOT NULL CHECK (outcome IN ('delivered', 'failed', 'timeout', 'unreachable')),
    error         text        NOT NULL DEFAULT '',
    response_body text        NOT NULL DEFAULT '',
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE INDEX delivery_attempts_by_delivery ON baton.delivery_attempts (tenant_id, delivery_id, at);
CREATE INDEX delivery_attempts_by_app ON baton.delivery_attempts (tenant_id, app_id, at DESC);

-- The health of each app's bot endpoint: the circuit breaker and the switch that
-- turns off an endpoint that has failed for too long.
CREATE TABLE baton.endpoint_states (
    app_id               text PRIMARY KEY REFERENCES baton.apps (app_id) ON DELETE CASCADE,
    tenant_id            uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    failing_since        timestamptz,
    circuit_open_until   timestamptz,
    disabled_at          timestamptz,
    disabled_reason      text,
    last_success_at      timestamptz,
    last_failure_at      timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, DELETE ON baton.seen_events, baton.contact_referrals TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON baton.contacts, baton.notification_tokens, baton.deliveries,
    baton.endpoint_states TO ${app_role};
GRANT SELECT, INSERT ON baton.delivery_attempts TO ${app_role};

ALTER TABLE baton.seen_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.seen_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.seen_events
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
ALTER TABLE baton.contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.contacts
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
ALTER TABLE baton.contact_referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.contact_referrals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.contact_referrals
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
ALTER TABLE baton.notification_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.notification_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.notification_tokens
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
ALTER TABLE baton.deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.deliveries
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
ALTER TABLE baton.delivery_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.delivery_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.delivery_attempts
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());
ALTER TABLE baton.endpoint_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.endpoint_states FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.endpoint_states
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

-- Directory function 7: a routing worker claims the unrouted batches of one app, the
-- app whose oldest batch waits longest among those no other worker is routing. The
-- advisory lock, held to the end of the caller's transaction, keeps one app's batches
-- in one worker at a time, so its events keep their order. The caller routes them and
-- marks them routed in that same transaction, inside the batches' tenant.
GRANT SELECT ON baton.webhook_batches TO baton_directory;
CREATE POLICY directory_read ON baton.webhook_batches FOR SELECT TO baton_directory USING (true);

CREATE FUNCTION baton.claim_batches(p_limit integer)
    RETURNS TABLE (id bigint, received_at timestamptz, tenant_id uuid, app_id text, body bytea)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    candidate text;
BEGIN
    FOR candidate IN
        SELECT b.app_id FROM baton.webhook_batches b WHERE b.routed_at IS NULL
         GROUP BY b.app_id ORDER BY min(b.id) LIMIT 32
    LOOP
        IF pg_try_advisory_xact_lock(hashtext('baton.routing'), hashtext(candidate)) THEN
            RETURN QUERY
                SELECT b.id, b.received_at, b.tenant_id, b.app_id, b.body
                  FROM baton.webhook_batches b
                 WHERE b.routed_at IS NULL AND b.app_id = candidate
                 ORDER BY b.id
                 LIMIT p_limit;
            RETURN;
        END IF;
    END LOOP;
END
$$;

-- Directory function 8: a delivery worker claims deliveries due now across tenants:
-- the oldest pending delivery of each conversation (so a conversation's events go out
-- in order), not leased by another worker, whose endpoint is neither disabled nor
-- behind an open circuit. An endpoint whose circuit has cooled down gets one probe per
-- claim. Claimed rows are leased (a crashed worker's lease runs out and another takes
-- over); the claim answers what the POST needs.
GRANT SELECT, UPDATE (leased_until, leased_by, attempts) ON baton.deliveries TO baton_directory;
CREATE POLICY directory_read ON baton.deliveries FOR SELECT TO baton_directory USING (true);
CREATE POLICY directory_claim ON baton.deliveries FOR UPDATE TO baton_directory USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE (circuit_open_until) ON baton.endpoint_states TO baton_directory;
CREATE POLICY directory_read ON baton.endpoint_states FOR SELECT TO baton_directory USING (true);
CREATE POLICY directory_claim ON baton.endpoint_states FOR UPDATE TO baton_directory USING (true) WITH CHECK (true);

CREATE FUNCTION baton.claim_deliveries(p_limit integer, p_lease interval, p_worker text)
    RETURNS TABLE (id bigint, tenant_id uuid, app_id text, page_id text, attempt integer, payload bytea,
                   endpoint text, secret_sealed text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    candidate record;
    probed text[] := '{}';
    taken integer := 0;
BEGIN
    FOR candidate IN
        SELECT d.id, d.tenant_id, d.app_id, d.page_id, d.attempts, d.payload, a.bot_endpoint, a.secret_sealed,
               (s.circuit_open_until IS NOT NULL) AS half_open
          FROM (SELECT DISTINCT ON (h.lane) h.id
                  FROM baton.deliveries h
                 WHERE h.status = 'pending'
                 ORDER BY h.lane, h.id) heads
          JOIN baton.deliveries d ON d.id = heads.id
          JOIN baton.apps a ON a.app_id = d.app_id
          LEFT JOIN baton.endpoint_states s ON s.app_id = d.app_id
         WHERE d.next_attempt_at <= now()
           AND (d.leased_until IS NULL OR d.leased_until < now())
           AND (s.app_id IS NULL OR (s.disabled_at IS NULL
                AND (s.circuit_open_until IS NULL OR s.circuit_open_until <= now())))
         ORDER BY d.next_attempt_at, d.id
         LIMIT p_limit * 2
           FOR UPDATE OF d SKIP LOCKED
    LOOP
        IF candidate.half_open THEN
            CONTINUE WHEN candidate.app_id = ANY (probed);
            probed := probed || candidate.app_id;
            UPDATE baton.endpoint_states SET circuit_open_until = now() + p_lease WHERE app_id = candidate.app_id;
        END IF;
        UPDATE baton.deliveries
           SET leased_until = now() + p_lease, leased_by = p_worker, attempts = attempts + 1
         WHERE id = candidate.id;
        id := candidate.id;
        tenant_id := candidate.tenant_id;
        app_id := candidate.app_id;
        page_id := candidate.page_id;
        attempt := candidate.attempts + 1;
        payload := candidate.payload;
        endpoint := candidate.bot_endpoint;
        secret_sealed := candidate.secret_sealed;
        RETURN NEXT;
        taken := taken + 1;
        EXIT WHEN taken >= p_limit;
    END LOOP;
END
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.claim_batches(integer) OWNER TO baton_directory;
ALTER FUNCTION baton.claim_deliveries(integer, interval, text) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.claim_batches(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION baton.claim_deliveries(integer, interval, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.claim_batches(integer) TO ${app_role};
GRANT EXECUTE ON FUNCTION baton.claim_deliveries(integer, interval, text) TO ${app_role};

-- Daily partitions now serve two tables: raw batches and delivery attempts.
DROP FUNCTION baton.maintain_batch_partitions(integer, integer);

CREATE FUNCTION baton.maintain_daily_partitions(p_days_ahead integer, p_keep_days integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
DECLARE
    parent text;
    day date;
    old record;
    dropped integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('baton.daily_partitions'));
    FOREACH parent IN ARRAY ARRAY['webhook_batches', 'delivery_attempts'] LOOP
        FOR day IN SELECT generate_series(current_date - 1, current_date + p_days_ahead, interval '1 day')::date LOOP
            EXECUTE format('CREATE TABLE IF NOT EXISTS baton.%I PARTITION OF baton.%I FOR VALUES FROM (%L) TO (%L)',
                           parent || '_' || to_char(day, 'YYYYMMDD'), parent, day, day + 1);
        END LOOP;
        FOR old IN
            SELECT c.relname
              FROM pg_inherits i
              JOIN pg_class c ON c.oid = i.inhrelid
              JOIN pg_class p ON p.oid = i.inhparent
              JOIN pg_namespace n ON n.oid = p.relnamespace
             WHERE n.nspname = 'baton' AND p.relname = parent
               AND c.relname ~ ('^' || parent || '_[0-9]{8}$')
               AND to_date(right(c.relname, 8), 'YYYYMMDD') < current_date - p_keep_days
        LOOP
            EXECUTE format('DROP TABLE baton.%I', old.relname);
            dropped := dropped + 1;
        END LOOP;
    END LOOP;
    RETURN dropped;
END
$$;

REVOKE ALL ON FUNCTION baton.maintain_daily_partitions(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.maintain_daily_partitions(integer, integer) TO ${app_role};

SELECT baton.maintain_daily_partitions(7, 14);
