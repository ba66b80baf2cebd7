-- Baton's queries log in as ${app_role} itself instead of switching to it from the
-- migrating login (security review L1). A session that logs in as the role can
-- neither RESET ROLE back to a more powerful login nor SET ROLE to baton_directory,
-- of which it is not a member, so injected SQL would stay behind row-level security.
--
-- A login role that may alter roles gives ${app_role} LOGIN here; otherwise an
-- administrator has done it beforehand (docs/operations.md, "Database requirements").
DO $$
BEGIN
    IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = '${app_role}')
       AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
        ALTER ROLE ${app_role} LOGIN;
    END IF;
END
$$;
