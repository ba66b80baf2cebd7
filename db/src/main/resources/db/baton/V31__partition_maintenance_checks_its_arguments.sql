-- maintain_daily_partitions runs with its owner's rights and baton_app may call it, so it
-- checks its arguments: a retention below one day would drop today's (or future)
-- partitions, and a huge look-ahead would create years of tables.
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
