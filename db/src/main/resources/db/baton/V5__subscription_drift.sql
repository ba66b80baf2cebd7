-- The subscription reconciler: what Graph reports versus what Baton needs, per app
-- and per page, with the time each difference was found and how it ended.

ALTER TABLE baton.apps ADD COLUMN reconciled_at timestamptz;

CREATE TABLE baton.subscription_drift (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id      text        NOT NULL REFERENCES baton.apps (app_id) ON DELETE CASCADE,
    page_id     text,
    found_at    timestamptz NOT NULL DEFAULT now(),
    description text        NOT NULL,
    resolved_at timestamptz,
    resolution  text        NOT NULL DEFAULT ''
);
CREATE INDEX subscription_drift_open ON baton.subscription_drift (tenant_id, app_id) WHERE resolved_at IS NULL;
CREATE INDEX subscription_drift_recent ON baton.subscription_drift (tenant_id, app_id, found_at DESC);

GRANT SELECT, INSERT, UPDATE ON baton.subscription_drift TO ${app_role};
ALTER TABLE baton.subscription_drift ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.subscription_drift FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.subscription_drift
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

-- Directory function 5: the reconciler claims apps of every tenant that are due.
GRANT UPDATE (reconciled_at) ON baton.apps TO baton_directory;
CREATE POLICY directory_claim ON baton.apps FOR UPDATE TO baton_directory USING (true) WITH CHECK (true);

CREATE FUNCTION baton.claim_reconciliations(p_reconciled_before timestamptz, p_limit integer)
    RETURNS TABLE (tenant_id uuid, app_id text)
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    UPDATE baton.apps a
       SET reconciled_at = now()
      FROM (SELECT d.app_id
              FROM baton.apps d
             WHERE d.reconciled_at IS NULL OR d.reconciled_at < p_reconciled_before
             ORDER BY d.reconciled_at NULLS FIRST
             LIMIT p_limit
               FOR UPDATE SKIP LOCKED) due
     WHERE a.app_id = due.app_id
 RETURNING a.tenant_id, a.app_id
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.claim_reconciliations(timestamptz, integer) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.claim_reconciliations(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.claim_reconciliations(timestamptz, integer) TO ${app_role};
