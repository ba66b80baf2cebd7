-- Directory function 6: re-sealing secrets with a new encryption key walks every
-- tenant; it learns only the tenant ids and re-seals inside each tenant's transaction.
CREATE FUNCTION baton.tenant_ids()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    SELECT t.id FROM baton.tenants t ORDER BY t.id
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.tenant_ids() OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.tenant_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.tenant_ids() TO ${app_role};
