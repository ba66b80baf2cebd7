package io.baton.tenancy;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The demo tenant README's run command offers: created at start-up when demo mode is on,
 * and every person who signs in for the first time joins it as an admin, so a new user
 * can look around at once.
 */
@Component
public class DemoTenant {

	static final TenantId ID = new TenantId(UUID.fromString("00000000-0000-4000-8000-00000000de70"));

	static final String NAME = "Demo Shop";

	private static final Logger logger = LoggerFactory.getLogger(DemoTenant.class);

	private final DemoSettings settings;

	private final DatabaseClient database;

	private final TenantTransactions transactions;

	private final TenantManagement tenants;

	private final AuditLog auditLog;

	DemoTenant(DemoSettings settings, DatabaseClient database, TenantTransactions transactions,
			TenantManagement tenants, AuditLog auditLog) {
		this.settings = settings;
		this.database = database;
		this.transactions = transactions;
		this.tenants = tenants;
		this.auditLog = auditLog;
	}

	public boolean enabled() {
		return this.settings.enabled();
	}

	/** Creates the demo tenant when missing; answers its owner acting in it. */
	public Mono<CurrentTenant> ensure() {
		return exists().flatMap((exists) -> exists ? Mono.empty() : create()).then(owner());
	}

	Mono<Void> welcome(SignedInUser newcomer) {
		if (!this.settings.enabled()) {
			return Mono.empty();
		}
		CurrentTenant joining = new CurrentTenant(ID, NAME, true, newcomer.id(), newcomer.name(), Role.ADMIN);
		return this.transactions.inTenant(ID, (db) -> db
			.sql("INSERT INTO memberships (tenant_id, user_id, role) SELECT id, :user, 'admin' FROM tenants"
					+ " WHERE id = :tenant ON CONFLICT DO NOTHING")
			.bind("user", newcomer.id().value())
			.bind("tenant", ID.value())
			.fetch()
			.rowsUpdated()
			.flatMap((added) -> (added == 1)
					? this.auditLog.record(joining, "member.joined", newcomer.name(), Map.of("via", "demo mode"))
					: Mono.empty()));
	}

	private Mono<Boolean> exists() {
		return this.transactions.inTenant(ID,
				(db) -> db.sql("SELECT count(*) AS n FROM tenants WHERE id = :id")
					.bind("id", ID.value())
					.map((row) -> row.get("n", Long.class) > 0)
					.one());
	}

	private Mono<CurrentTenant> owner() {
		return demoOwner().flatMap((owner) -> this.tenants.enter(owner, ID));
	}

	private Mono<SignedInUser> demoOwner() {
		return this.database
			.sql("INSERT INTO users (id, provider, subject, name) VALUES (:id, 'demo', 'owner', 'Dana Demo')"
					+ " ON CONFLICT (provider, subject) DO UPDATE SET name = excluded.name RETURNING id")
			.bind("id", UUID.randomUUID())
			.map((row) -> new SignedInUser(new UserId(row.get("id", UUID.class)), "Dana Demo"))
			.one();
	}

	private Mono<Void> create() {
		return demoOwner().flatMap((owner) -> this.tenants.create(ID, owner, NAME, true))
			.doOnNext((id) -> logger.info("Created the demo tenant \"{}\"", NAME))
			.then();
	}

}
