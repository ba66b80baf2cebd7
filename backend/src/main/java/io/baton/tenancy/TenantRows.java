package io.baton.tenancy;

/**
 * The SQL of tenants, their members and their users, and of each tenant transaction's
 * setting.
 */
final class TenantRows {

	static final String TENANTS_OF = """
			SELECT tenant_id, tenant_name, role, is_demo
			FROM memberships_of(:user)
			""";

	static final String ENTER = """
			SELECT t.name, t.is_demo, m.role
			FROM tenants t
			JOIN memberships m ON m.tenant_id = t.id AND m.user_id = :user
			WHERE t.id = :tenant
			""";

	static final String RENAME = """
			UPDATE tenants
			SET name = :name
			WHERE id = :tenant
			""";

	static final String DELETE_TENANT = """
			DELETE FROM tenants
			WHERE id = :tenant
			""";

	static final String INSERT_TENANT = """
			INSERT INTO tenants (id, name, is_demo)
			VALUES (:id, :name, :demo)
			""";

	static final String INSERT_OWNER = """
			INSERT INTO memberships (tenant_id, user_id, role)
			VALUES (:tenant, :user, 'owner')
			""";

	static final String ADMIT = """
			INSERT INTO memberships (tenant_id, user_id, role)
			SELECT id, :user, :role
			FROM tenants
			WHERE id = :tenant
			ON CONFLICT DO NOTHING
			""";

	static final String LIST = """
			SELECT m.user_id, u.name, m.role, m.requested_role, m.joined_at
			FROM memberships m
			JOIN users u ON u.id = m.user_id
			WHERE m.tenant_id = :tenant
			ORDER BY array_position(ARRAY['owner','admin','agent','viewer'], m.role), u.name
			""";

	static final String FIND = """
			SELECT m.user_id, u.name, m.role, m.requested_role, m.joined_at
			FROM memberships m
			JOIN users u ON u.id = m.user_id
			WHERE m.tenant_id = :tenant AND m.user_id = :user FOR UPDATE OF m
			""";

	static final String SET_ROLE = """
			UPDATE memberships
			SET role = :role, requested_role = NULL
			WHERE tenant_id = :tenant AND user_id = :user
			""";

	static final String REMOVE_MEMBER = """
			DELETE FROM memberships
			WHERE tenant_id = :tenant AND user_id = :user
			""";

	static final String UPSERT_USER = """
			INSERT INTO users (id, provider, subject, name)
			VALUES (:id, :provider, :subject, :name)
			ON CONFLICT (provider, subject)
			DO UPDATE SET name = excluded.name, last_sign_in_at = now()
			RETURNING id, name, (xmax = 0) AS created
			""";

	static final String ALL_TENANTS = """
			SELECT tenant_id
			FROM tenant_ids()
			""";

	static final String SET_CURRENT_TENANT = """
			SELECT set_config('baton.tenant_id', :tenant, true)
			""";

	private TenantRows() {
	}

}
