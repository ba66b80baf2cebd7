-- Directory function: a delivery worker that stops (SIGTERM, a rolling deploy) gives
-- back the deliveries it leased and could not finish, so another worker sends them at
-- once rather than when the lease runs out; the attempt the claim counted is undone.
CREATE FUNCTION baton.release_deliveries(p_worker text)
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    WITH released AS (
        UPDATE baton.deliveries
           SET leased_until = NULL, leased_by = NULL, attempts = GREATEST(attempts - 1, 0)
         WHERE leased_by = p_worker AND status = 'pending'
        RETURNING 1)
    SELECT count(*)::integer FROM released
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.release_deliveries(text) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.release_deliveries(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.release_deliveries(text) TO ${app_role};
