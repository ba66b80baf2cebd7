package io.baton.tenancy;

/**
 * The SQL of {@code invitations}: links to join a tenant, their state, and accepting one.
 */
final class InvitationRows {

	static final String INVITE = """
			INSERT INTO invitations (id, tenant_id, email, role, token_hash, invited_by, expires_at)
			VALUES (:id, :tenant, :email, :role, :hash, :by, :expires)
			""";

	static final String LIST = """
			SELECT i.id, i.email, i.role, u.name AS invited_by, i.created_at, i.expires_at, i.accepted_at,
			  i.revoked_at
			FROM invitations i
			LEFT JOIN users u ON u.id = i.invited_by
			WHERE i.tenant_id = :tenant
			ORDER BY i.created_at DESC
			LIMIT 200
			""";

	static final String RESEND = """
			UPDATE invitations
			SET token_hash = :hash, expires_at = :expires, revoked_at = NULL
			WHERE tenant_id = :tenant AND id = :id AND accepted_at IS NULL
			RETURNING email
			""";

	static final String REVOKE = """
			UPDATE invitations
			SET revoked_at = now()
			WHERE tenant_id = :tenant AND id = :id AND accepted_at IS NULL AND revoked_at IS NULL
			RETURNING email
			""";

	static final String LOOK_UP = """
			SELECT *
			FROM invitation_by_token(:hash)
			""";

	static final String CLAIM = """
			UPDATE invitations
			SET accepted_at = now(), accepted_by = :user
			WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
			""";

	static final String JOIN = """
			INSERT INTO memberships (tenant_id, user_id, role, requested_role)
			VALUES (:tenant, :user, :role, :requested)
			ON CONFLICT (tenant_id, user_id) DO NOTHING
			""";

	static final String PENDING_FOR = """
			SELECT count(*) AS n
			FROM invitations
			WHERE tenant_id = :tenant AND lower(email) = lower(:email)
			  AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
			""";

	static final String PENDING = """
			SELECT count(*) AS n
			FROM invitations
			WHERE tenant_id = :tenant AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
			""";

	private InvitationRows() {
	}

}
