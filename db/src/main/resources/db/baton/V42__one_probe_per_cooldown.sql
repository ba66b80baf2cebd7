-- An open circuit lets one probe through per cooldown. Two delivery workers claiming
-- at the same moment could both see the circuit's time run out and each send a probe
-- (DeliveryScheduleTests saw it as one failure too many); now the endpoint's row decides.
CREATE OR REPLACE FUNCTION baton.claim_deliveries(p_limit integer, p_lease interval, p_worker text)
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
          FROM baton.deliveries d
          JOIN baton.apps a ON a.app_id = d.app_id
          LEFT JOIN baton.endpoint_states s ON s.app_id = d.app_id
         WHERE d.status = 'pending'
           AND d.next_attempt_at <= now()
           AND NOT EXISTS (SELECT 1 FROM baton.deliveries earlier
                            WHERE earlier.lane = d.lane AND earlier.status = 'pending' AND earlier.id < d.id)
           AND (d.leased_until IS NULL OR d.leased_until < now())
           AND (s.app_id IS NULL OR (s.disabled_at IS NULL
                AND (s.circuit_open_until IS NULL OR s.circuit_open_until <= now())))
         ORDER BY d.next_attempt_at, d.id
         LIMIT p_limit * 2
           FOR UPDATE OF d SKIP LOCKED
    LOOP
        IF candidate.half_open THEN
            CONTINUE WHEN candidate.app_id = ANY (probed);
            -- Only one claim takes a cooldown's probe: a concurrent claim that saw the
            -- same expired circuit waits for this row, then finds it open again.
            UPDATE baton.endpoint_states SET circuit_open_until = now() + p_lease
             WHERE app_id = candidate.app_id AND circuit_open_until <= now();
            CONTINUE WHEN NOT FOUND;
            probed := probed || candidate.app_id;
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
