-- Routing claims the unrouted batches of one app of one tenant. An app id deleted by one
-- tenant and registered again by another has two owners among the waiting batches: a
-- claim keyed by the app id alone would route both tenants' batches under the first
-- one's rows. The advisory lock keys on the pair for the same reason.
-- A batch whose app (or tenant) was deleted before it was routed is marked routed and
-- discarded: it is kept for the retention period like any batch, and counted.
ALTER TABLE baton.webhook_batches ADD COLUMN discarded boolean NOT NULL DEFAULT false;

DROP INDEX baton.webhook_batches_unrouted_by_app;
CREATE INDEX webhook_batches_unrouted_by_tenant_app ON baton.webhook_batches (tenant_id, app_id, id)
    WHERE routed_at IS NULL;

CREATE OR REPLACE FUNCTION baton.claim_batches(p_limit integer)
    RETURNS TABLE (id bigint, received_at timestamptz, tenant_id uuid, app_id text, body bytea)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    candidate record;
BEGIN
    FOR candidate IN
        SELECT b.tenant_id, b.app_id FROM baton.webhook_batches b WHERE b.routed_at IS NULL
         GROUP BY b.tenant_id, b.app_id ORDER BY min(b.id) LIMIT 32
    LOOP
        IF pg_try_advisory_xact_lock(hashtext('baton.routing'),
                                     hashtext(candidate.tenant_id::text || '/' || candidate.app_id)) THEN
            RETURN QUERY
                SELECT b.id, b.received_at, b.tenant_id, b.app_id, b.body
                  FROM baton.webhook_batches b
                 WHERE b.routed_at IS NULL AND b.tenant_id = candidate.tenant_id AND b.app_id = candidate.app_id
                 ORDER BY b.id
                 LIMIT p_limit;
            RETURN;
        END IF;
    END LOOP;
END
$$;
