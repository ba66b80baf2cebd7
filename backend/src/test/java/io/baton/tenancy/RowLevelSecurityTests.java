package io.baton.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;

import io.baton.platform.DatabaseSettings;
import io.baton.testing.BatonTest;
import io.baton.testing.GroundTruth;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security on its own, below Baton's code: queries that forget the tenant
 * filter still see only the current tenant's rows, and nothing without one.
 */
@BatonTest
class RowLevelSecurityTests {

	/**
	 * Every table of Baton's schema with a {@code tenant_id} (partitions: their parent).
	 */
	private static final String TENANT_TABLES = """
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				 WHERE n.nspname = 'baton' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
				   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
				                AND a.attname = 'tenant_id' AND NOT a.attisdropped)
			""";

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	DatabaseClient database;

	@Autowired
	DatabaseSettings settings;

	@Autowired
	ConnectionFactory connections;

	TenantId acme;

	TenantId globex;

	@BeforeEach
	void twoTenantsWithOneOwnerEach() {
		this.acme = this.tenants.create(Staff.signedIn(this.context, "Ada Acme"), "Acme").block();
		this.globex = this.tenants.create(Staff.signedIn(this.context, "Gus Globex"), "Globex").block();
	}

	@Test
	void queryWithoutTenantFilterSeesOnlyTheCurrentTenantsRows() {
		List<UUID> visible = this.transactions
			.inTenantMany(this.acme,
					(db) -> db.sql("SELECT tenant_id FROM memberships").map((row) -> row.get(0, UUID.class)).all())
			.collectList()
			.block();

		assertThat(visible).isNotEmpty().allMatch(this.acme.value()::equals);
	}

	@Test
	void withoutCurrentTenantNoTenantRowIsVisible() {
		Long count = this.database.sql("SELECT count(*) FROM memberships")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();

		assertThat(count).isZero();
	}

	@Test
	void appRoleCannotWriteRowsOfAnotherTenant() {
		assertThatThrownBy(() -> this.transactions
			.inTenant(this.acme, (db) -> db.sql("UPDATE tenants SET name = 'hijacked' WHERE id = :id RETURNING id")
				.bind("id", this.globex.value())
				.map((row) -> row.get(0))
				.one()
				.switchIfEmpty(db.sql("INSERT INTO audit_log (tenant_id, actor_name, action) VALUES (:t, 'x', 'y')")
					.bind("t", this.globex.value())
					.fetch()
					.rowsUpdated()
					.map((ignored) -> (Object) "inserted")))
			.block()).hasMessageContaining("row-level security");
		assertThat(namesOfBothTenants()).containsExactlyInAnyOrder("Acme", "Globex");
	}

	@Test
	void queriesRunAsTheAppRoleWhichCannotBypassRowLevelSecurity() throws SQLException {
		String currentUser = this.database.sql("SELECT current_user")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();

		assertThat(currentUser).isEqualTo("baton_app");
		try (Connection connection = adminConnection();
				Statement statement = connection.createStatement();
				ResultSet role = statement
					.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'baton_app'")) {
			role.next();
			assertThat(role.getBoolean(1)).isFalse();
			assertThat(role.getBoolean(2)).isFalse();
		}
	}

	@Test
	void aQueryThatResetsItsRoleIsStillTheAppRole() {
		assertThat(inRolledBackTransaction("RESET ROLE", "SELECT current_user || ' ' || session_user"))
			.isEqualTo("baton_app baton_app");
	}

	@Test
	void aQueryCannotSwitchToTheDirectoryOrTheLoginRole() {
		assertThatThrownBy(() -> inRolledBackTransaction("SET ROLE baton_directory", "SELECT current_user"))
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> inRolledBackTransaction("SET ROLE " + this.settings.username(), "SELECT current_user"))
			.hasMessageContaining("permission denied");
	}

	@Test
	void everyTenantOwnedTableForcesRowLevelSecurity() throws SQLException {
		List<String> unforced = strings(TENANT_TABLES + " AND NOT (c.relrowsecurity AND c.relforcerowsecurity)");

		assertThat(unforced).isEmpty();
	}

	@Test
	void everyPolicyOfTheAppRoleLimitsRowsToTheCurrentTenant() throws SQLException {
		List<String> tenantTables = strings(TENANT_TABLES);

		List<String> appPolicies = strings(
				"""
						SELECT tablename || ': ' || cmd || ' USING ' || coalesce(qual, '-') || ' CHECK ' || coalesce(with_check, '-')
						  FROM pg_policies WHERE schemaname = 'baton' AND roles <> '{baton_directory}'""");
		List<String> expected = new ArrayList<>(tenantTables.stream()
			.map((table) -> table + ": ALL USING (tenant_id = baton.current_tenant())"
					+ " CHECK (tenant_id = baton.current_tenant())")
			.toList());
		expected.add("tenants: ALL USING (id = baton.current_tenant()) CHECK (id = baton.current_tenant())");

		assertThat(tenantTables).contains("memberships", "apps", "deliveries");
		assertThat(appPolicies).as("policies that apply to baton_app").containsExactlyInAnyOrderElementsOf(expected);
		assertThat(strings("SELECT pg_has_role('baton_app', 'baton_directory', 'MEMBER')::text"))
			.as("baton_app may use the directory's policies")
			.containsExactly("false");
	}

	@Test
	void partitionsAreReachableOnlyThroughTheirParentWhoseRowLevelSecurityApplies() throws SQLException {
		List<String> reachable = strings("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				 WHERE n.nspname = 'baton' AND c.relispartition
				   AND has_table_privilege('baton_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')""");

		assertThat(reachable).isEmpty();
	}

	@Test
	void crossTenantPathsAreOnlyTheNamedDirectoryFunctions() throws SQLException {
		List<String> definers = strings("""
				SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				 WHERE n.nspname = 'baton' AND p.prosecdef ORDER BY p.proname""");

		assertThat(definers).containsExactly("api_key_directory", "app_directory", "claim_batches", "claim_deliveries",
				"claim_reconciliations", "claim_token_checks", "data_deletion_status", "invitation_by_token",
				"maintain_daily_partitions", "memberships_of", "release_deliveries", "tenant_ids");
	}

	@Test
	void aPlainSessionOfTheAppRoleSeesNothingUntilItSetsTheTenant() throws SQLException {
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SET ROLE baton_app");
			try (ResultSet none = statement.executeQuery("SELECT count(*) FROM baton.tenants")) {
				none.next();
				assertThat(none.getLong(1)).isZero();
			}
			connection.setAutoCommit(false);
			statement.execute("SELECT set_config('baton.tenant_id', '" + this.globex + "', true)");
			try (ResultSet names = statement.executeQuery("SELECT name FROM baton.tenants")) {
				names.next();
				assertThat(names.getString(1)).isEqualTo("Globex");
				assertThat(names.next()).isFalse();
			}
			connection.commit();
			try (ResultSet afterCommit = statement.executeQuery("SELECT count(*) FROM baton.tenants")) {
				afterCommit.next();
				assertThat(afterCommit.getLong(1)).as("the setting was transaction-local").isZero();
			}
		}
	}

	private List<String> namesOfBothTenants() {
		try {
			return strings("SELECT name FROM baton.tenants WHERE id IN ('" + this.acme + "', '" + this.globex + "')");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a role change and a query on one of Baton's own pooled connections, inside a
	 * transaction that is rolled back, so the pool gets its connection back unchanged.
	 */
	private String inRolledBackTransaction(String roleChange, String query) {
		return Mono
			.usingWhen(this.connections.create(),
					(connection) -> Mono.from(connection.beginTransaction())
						.thenMany(connection.createStatement(roleChange).execute())
						.flatMap(Result::getRowsUpdated)
						.thenMany(connection.createStatement(query).execute())
						.flatMap((result) -> result.map((row, meta) -> row.get(0, String.class)))
						.single()
						.flatMap((answer) -> Mono.from(connection.rollbackTransaction()).thenReturn(answer))
						.onErrorResume((ex) -> Mono.from(connection.rollbackTransaction()).then(Mono.error(ex))),
					io.r2dbc.spi.Connection::close)
			.block();
	}

	/** The first column of every row, read as the login role (the ground truth). */
	private List<String> strings(String query) throws SQLException {
		return GroundTruth.rows(this.settings, query, (row) -> row.getString(1));
	}

	private Connection adminConnection() throws SQLException {
		return GroundTruth.connect(this.settings);
	}

}
