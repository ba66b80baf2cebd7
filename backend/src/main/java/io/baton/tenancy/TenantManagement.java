package io.baton.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.platform.Rejected;
import io.baton.platform.TooMany;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/** Creating, entering, listing and deleting tenants. */
@Service
public class TenantManagement {

	static final int MAX_NAME_LENGTH = 80;

	private final DatabaseClient database;

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	private final List<BeforeTenantDeletion> beforeDeletion;

	private final TenancySettings settings;

	TenantManagement(DatabaseClient database, TenantTransactions transactions, AuditLog auditLog,
			List<BeforeTenantDeletion> beforeDeletion, TenancySettings settings) {
		this.database = database;
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.beforeDeletion = beforeDeletion;
		this.settings = settings;
	}

	/**
	 * Creates a tenant owned by {@code owner}, unless they own the most tenants one
	 * person may.
	 */
	public Mono<TenantId> create(SignedInUser owner, String name) {
		return Mono.fromCallable(() -> validName(name))
			.flatMap((cleanName) -> tenantsOf(owner.id()).filter((tenant) -> tenant.role() == Role.OWNER)
				.count()
				.flatMap((owned) -> (owned >= this.settings.maxOwnedTenants())
						? Mono.error(new TooMany("You own " + owned
								+ " tenants, the most one person may own: delete one, or transfer its ownership."))
						: create(TenantId.random(), owner, cleanName, false)));
	}

	/** Creates the demo tenant, whose id is fixed, owned by {@code owner}. */
	public Mono<TenantId> createDemo(TenantId tenant, SignedInUser owner, String name) {
		return create(tenant, owner, validName(name), true);
	}

	private Mono<TenantId> create(TenantId tenant, SignedInUser owner, String cleanName, boolean demo) {
		CurrentTenant asOwner = new CurrentTenant(tenant, cleanName, demo, owner.id(), owner.name(), Role.OWNER);
		return this.transactions
			.inTenant(tenant,
					(db) -> insertTenant(db, tenant, cleanName, demo).then(insertOwner(db, tenant, owner.id()))
						.then(this.auditLog.record(asOwner, "tenant.created", cleanName, Map.of())))
			.thenReturn(tenant);
	}

	/**
	 * Every tenant the user belongs to, through the directory function (before any tenant
	 * is chosen).
	 */
	public Flux<TenantMembership> tenantsOf(UserId user) {
		return this.database.sql(TenantRows.TENANTS_OF)
			.bind("user", user.value())
			.map((row) -> new TenantMembership(new TenantId(row.get("tenant_id", UUID.class)),
					row.get("tenant_name", String.class), Role.parse(row.get("role", String.class)).orElseThrow(),
					Boolean.TRUE.equals(row.get("is_demo", Boolean.class))))
			.all();
	}

	/** The user as a member of the tenant; empty when they are not one. */
	public Mono<CurrentTenant> enter(SignedInUser user, TenantId tenant) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(TenantRows.ENTER)
					.bind("user", user.id().value())
					.bind("tenant", tenant.value())
					.map((row) -> new CurrentTenant(tenant, row.get("name", String.class),
							Boolean.TRUE.equals(row.get("is_demo", Boolean.class)), user.id(), user.name(),
							Role.parse(row.get("role", String.class)).orElseThrow()))
					.one());
	}

	/** Renames the tenant (owner and admins). */
	public Mono<Void> rename(CurrentTenant current, String name) {
		current.require(current.role().managesMembers(), "rename the tenant");
		return Mono.fromCallable(() -> validName(name))
			.flatMap((cleanName) -> this.transactions.inTenant(current.id(),
					(db) -> db.sql(TenantRows.RENAME)
						.bind("name", cleanName)
						.bind("tenant", current.id().value())
						.fetch()
						.rowsUpdated()
						.then(this.auditLog.record(current, "tenant.renamed", cleanName,
								Map.of("previousName", current.name())))));
	}

	/**
	 * Deletes the tenant with all its data, after the other modules have undone what they
	 * set up outside Baton for it ({@link BeforeTenantDeletion}). The owner confirms by
	 * typing the tenant's name.
	 */
	public Mono<Void> delete(CurrentTenant current, String confirmation) {
		current.require(current.role() == Role.OWNER, "delete the tenant");
		if (!current.name().equals(confirmation.strip())) {
			return Mono.error(new Rejected("Type the tenant's name exactly to confirm deletion."));
		}
		return Flux.fromIterable(this.beforeDeletion)
			.concatMap((step) -> step.prepare(current))
			.then(this.transactions.inTenant(current.id(),
					(db) -> db.sql(TenantRows.DELETE_TENANT)
						.bind("tenant", current.id().value())
						.fetch()
						.rowsUpdated()
						.then()));
	}

	static String validName(String name) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty()) {
			throw new Rejected("Give the tenant a name.");
		}
		if (clean.length() > MAX_NAME_LENGTH) {
			throw new Rejected("A tenant's name has at most " + MAX_NAME_LENGTH + " characters.");
		}
		return clean;
	}

	private Mono<Void> insertTenant(DatabaseClient db, TenantId tenant, String name, boolean demo) {
		return db.sql(TenantRows.INSERT_TENANT)
			.bind("id", tenant.value())
			.bind("name", name)
			.bind("demo", demo)
			.fetch()
			.rowsUpdated()
			.then();
	}

	private Mono<Void> insertOwner(DatabaseClient db, TenantId tenant, UserId owner) {
		return db.sql(TenantRows.INSERT_OWNER)
			.bind("tenant", tenant.value())
			.bind("user", owner.value())
			.fetch()
			.rowsUpdated()
			.then();
	}

}
