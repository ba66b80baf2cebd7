-- Directory function 4: the scheduled token check claims due page connections of
-- every tenant (FOR UPDATE SKIP LOCKED, so replicas share the work and never check
-- one token twice at once). It learns only which connections are due; it reads and
-- updates each one inside that connection's own tenant transaction.
GRANT SELECT, UPDATE (last_checked_at) ON baton.page_connections TO baton_directory;
CREATE POLICY directory_read ON baton.page_connections FOR SELECT TO baton_directory USING (true);
CREATE POLICY directory_claim ON baton.page_connections FOR UPDATE TO baton_directory USING (true) WITH CHECK (true);

CREATE FUNCTION baton.claim_token_checks(p_checked_before timestamptz, p_limit integer)
    RETURNS TABLE (tenant_id uuid, app_id text, page_id text)
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    UPDATE baton.page_connections c
       SET last_checked_at = now()
      FROM (SELECT d.app_id, d.page_id
              FROM baton.page_connections d
             WHERE d.last_checked_at IS NULL OR d.last_checked_at < p_checked_before
             ORDER BY d.last_checked_at NULLS FIRST
             LIMIT p_limit
               FOR UPDATE SKIP LOCKED) due
     WHERE c.app_id = due.app_id AND c.page_id = due.page_id
 RETURNING c.tenant_id, c.app_id, c.page_id
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.claim_token_checks(timestamptz, integer) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.claim_token_checks(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.claim_token_checks(timestamptz, integer) TO ${app_role};
