-- Privacy: Facebook's data-deletion callback and staff erasure of one contact.
-- (V31–V33 are taken by the hardening migrations.)

-- The account a person linked through Messenger's account linking (the
-- authorization_code the business's site passed back): the id a data-deletion
-- request from that business's Facebook Login app names them by.
ALTER TABLE baton.contacts ADD COLUMN linked_account text;
CREATE INDEX contacts_by_linked_account ON baton.contacts (tenant_id, linked_account)
    WHERE linked_account IS NOT NULL;

-- One row per deletion request Facebook sent, kept even when nothing matched. The
-- person's id is not kept, only its SHA-256; the same signed request sent again is
-- the same request (same confirmation code).
CREATE TABLE baton.data_deletion_requests (
    code            text PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES baton.tenants (id) ON DELETE CASCADE,
    app_id          text        NOT NULL,
    user_digest     bytea       NOT NULL,
    request_digest  bytea       NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    status          text        NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'completed')),
    completed_at    timestamptz,
    contacts_erased integer     NOT NULL DEFAULT 0,
    records_erased  integer     NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, request_digest)
);
CREATE INDEX data_deletion_requests_by_tenant ON baton.data_deletion_requests (tenant_id, received_at DESC);
CREATE INDEX data_deletion_requests_open ON baton.data_deletion_requests (received_at) WHERE status = 'received';

GRANT SELECT, INSERT, UPDATE ON baton.data_deletion_requests TO ${app_role};
GRANT DELETE ON baton.delivery_attempts TO ${app_role};
ALTER TABLE baton.data_deletion_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton.data_deletion_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON baton.data_deletion_requests
    USING (tenant_id = baton.current_tenant()) WITH CHECK (tenant_id = baton.current_tenant());

-- Directory function: the public status page knows only the confirmation code.
-- It answers the request's state and times, nothing about the tenant or the person.
GRANT SELECT ON baton.data_deletion_requests TO baton_directory;
CREATE POLICY directory_read ON baton.data_deletion_requests FOR SELECT TO baton_directory USING (true);

CREATE FUNCTION baton.data_deletion_status(p_code text)
    RETURNS TABLE (status text, received_at timestamptz, completed_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = baton, pg_temp
AS $$
    SELECT r.status, r.received_at, r.completed_at FROM baton.data_deletion_requests r WHERE r.code = p_code
$$;

GRANT CREATE ON SCHEMA baton TO baton_directory;
ALTER FUNCTION baton.data_deletion_status(text) OWNER TO baton_directory;
REVOKE CREATE ON SCHEMA baton FROM baton_directory;
REVOKE ALL ON FUNCTION baton.data_deletion_status(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION baton.data_deletion_status(text) TO ${app_role};
