-- Every message a bot sent through Baton's bot API, with Graph's answer: the
-- outbound log beside the delivery log. Partitioned by day and dropped whole after
-- the retention, like delivery attempts.
CREATE TABLE baton.outbound_messages (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id   uuid        NOT NULL,
    app_id      text        NOT NULL,
    page_id     text        NOT NULL,
    psid        text        NOT NULL DEFAULT '',
    key_prefix  text        NOT NULL DEFAULT '',
    kind        text        NOT NULL CHECK (kind IN ('message', 'sender_action')),
    message_id  text,
    status      text        NOT NULL CHECK (status IN ('sent', 'failed', 'rate_limited')),
    http_status integer     NOT NULL,
    error_code  integer,
    error_subcode integer,
    error       text        NOT NULL DEFAULT '',
    attempts    integer     NOT NULL DEFAULT 1,
    duration_ms integer     NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE INDEX outbound_messages_by_app ON baton.outbound_messages (tenant_id, app_id, at DESC, id DESC);
CREATE INDEX outbound_messages_by_psid ON baton.outbound_messages (tenant_id, psid, at DESC);

GRANT SELECT, INSERT ON baton.outbound_messages TO ${app_role};
-- Erasing a person (privacy) removes their rows.
GRANT DELETE ON baton.outbound_messages TO ${app_role};

ALTER TABLE baton.outbound_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.outbound_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.outbound_messages
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

-- Daily partitions now serve three tables.
CREATE OR REPLACE FUNCTION baton.maintain_daily_partitions(p_days_ahead integer, p_keep_days integer)
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
    IF p_days_ahead IS NULL OR p_days_ahead < 0 OR p_days_ahead > 60 THEN
        RAISE EXCEPTION 'p_days_ahead must be between 0 and 60, not %', p_days_ahead
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_keep_days IS NULL OR p_keep_days < 1 OR p_keep_days > 3660 THEN
        RAISE EXCEPTION 'p_keep_days must be between 1 and 3660, not %', p_keep_days
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('baton.daily_partitions'));
    FOREACH parent IN ARRAY ARRAY['webhook_batches', 'delivery_attempts', 'outbound_messages'] LOOP
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

DO $$
DECLARE
    day date;
BEGIN
    FOR day IN SELECT generate_series(current_date - 1, current_date + 7, interval '1 day')::date LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS baton.%I PARTITION OF baton.outbound_messages FOR VALUES FROM (%L) TO (%L)',
                       'outbound_messages_' || to_char(day, 'YYYYMMDD'), day, day + 1);
    END LOOP;
END
$$;
