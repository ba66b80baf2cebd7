-- An invitation link is a bearer token (security review L9): whoever holds it joins.
-- An admin invitation therefore joins as a viewer asking for the admin role, which an
-- owner or admin confirms on the members page (a role change, which clears the request).
ALTER TABLE baton.memberships ADD COLUMN requested_role text CHECK (requested_role = 'admin');
