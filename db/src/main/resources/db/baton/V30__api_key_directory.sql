-- Directory function: an API request carries only the key; this finds the key's
-- tenant and app by the key's public prefix. The hash is compared by the caller, in
-- constant time; a revoked key is answered too, so the caller can say it is revoked.
GRANT SELECT ON baton.api_keys TO baton_directory;
CREATE POLICY directory_read ON baton.api_keys FOR SELECT TO baton_directory USING (true);

CREATE FUNCTION baton.api_key_directory(p_prefix text)
    RETURNS TABLE (id uuid, tenant_id uuid, app_id text, name text, hash bytea,
                   last_used_at timestamptz, revoked_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    SELECT k.id, k.tenant_id, k.app_id, k.name, k.hash, k.last_used_at, k.revoked_at
      FROM baton.api_keys k WHERE k.prefix = p_prefix
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.api_key_directory(text) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.api_key_directory(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.api_key_directory(text) TO ${app_role};
