-- Raw webhook batches, partitioned by day so that old days are dropped whole after
-- the retention period and a dashboard query reads only the days it asks for.
-- (Nothing has been stored in production yet, so the table is recreated.)
DROP TABLE baton.webhook_batches;

CREATE TABLE baton.webhook_batches (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id   uuid        NOT NULL,
    app_id      text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    body        bytea       NOT NULL,
    entries     integer     NOT NULL,
    routed_at   timestamptz,
    PRIMARY KEY (id, received_at)
) PARTITION BY RANGE (received_at);
CREATE INDEX webhook_batches_unrouted ON baton.webhook_batches (received_at) WHERE routed_at IS NULL;
CREATE INDEX webhook_batches_by_app ON baton.webhook_batches (tenant_id, app_id, received_at DESC);

GRANT SELECT, INSERT, UPDATE ON baton.webhook_batches TO ${app_role};
ALTER TABLE baton.webhook_batches ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.webhook_batches FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.webhook_batches
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

-- Creates the daily partitions from yesterday to p_days_ahead days ahead and drops
-- those older than p_keep_days. Runs with the table owner's rights (partitions are
-- DDL); one caller at a time. Answers the number of partitions dropped.
CREATE FUNCTION baton.maintain_batch_partitions(p_days_ahead integer, p_keep_days integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
DECLARE
    day date;
    old record;
    dropped integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('baton.webhook_batches.partitions'));
    FOR day IN SELECT generate_series(current_date - 1, current_date + p_days_ahead, interval '1 day')::date LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS baton.%I PARTITION OF baton.webhook_batches'
                       ' FOR VALUES FROM (%L) TO (%L)',
                       'webhook_batches_' || to_char(day, 'YYYYMMDD'), day, day + 1);
    END LOOP;
    FOR old IN
        SELECT c.relname
          FROM pg_inherits i
          JOIN pg_class c ON c.oid = i.inhrelid
          JOIN pg_class p ON p.oid = i.inhparent
          JOIN pg_namespace n ON n.oid = p.relnamespace
         WHERE n.nspname = 'baton' AND p.relname = 'webhook_batches'
           AND c.relname ~ '^webhook_batches_[0-9]{8}$'
           AND to_date(substr(c.relname, 17), 'YYYYMMDD') < current_date - p_keep_days
    LOOP
        EXECUTE format('DROP TABLE baton.%I', old.relname);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END
$$;

REVOKE ALL ON FUNCTION baton.maintain_batch_partitions(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.maintain_batch_partitions(integer, integer) TO ${app_role};

SELECT baton.maintain_batch_partitions(7, 14);
