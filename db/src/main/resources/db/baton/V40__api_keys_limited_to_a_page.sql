-- A key may be limited to one page of its app: the bot API then serves only that
-- page, and `me` means it. NULL: every page the app is connected to.
ALTER TABLE baton.api_keys ADD COLUMN page_id text;

-- The directory answers the key's page too (the return type changes, so the
-- function is made again, owned by baton_directory as before).
DROP FUNCTION baton.api_key_directory(text);

CREATE FUNCTION baton.api_key_directory(p_prefix text)
    RETURNS TABLE (id uuid, tenant_id uuid, app_id text, page_id text, name text, hash bytea,
                   last_used_at timestamptz, revoked_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    SELECT k.id, k.tenant_id, k.app_id, k.page_id, k.name, k.hash, k.last_used_at, k.revoked_at
      FROM baton.api_keys k WHERE k.prefix = p_prefix
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.api_key_directory(text) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.api_key_directory(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.api_key_directory(text) TO ${app_role};
