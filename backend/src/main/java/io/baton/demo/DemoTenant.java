package io.baton.demo;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Members;
import io.baton.tenancy.NewcomerWelcome;
import io.baton.tenancy.Role;
import io.baton.tenancy.SignIn;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Component;

/**
 * The demo tenant README's run command offers: created at start-up when demo mode is on,
 * and every person who signs in for the first time joins it as an admin, so a new user
 * can look around at once.
 */
@Component
public class DemoTenant implements NewcomerWelcome {

	static final TenantId ID = new TenantId(UUID.fromString("00000000-0000-4000-8000-00000000de70"));

	static final String NAME = "Demo Shop";

	private static final Logger logger = LoggerFactory.getLogger(DemoTenant.class);

	private final DemoSettings settings;

	private final SignIn signIn;

	private final TenantTransactions transactions;

	private final TenantManagement tenants;

	private final Members members;

	DemoTenant(DemoSettings settings, SignIn signIn, TenantTransactions transactions, TenantManagement tenants,
			Members members) {
		this.settings = settings;
		this.signIn = signIn;
		this.transactions = transactions;
		this.tenants = tenants;
		this.members = members;
	}

	public boolean enabled() {
		return this.settings.enabled();
	}

	/** Creates the demo tenant when missing; answers its owner acting in it. */
	public Mono<CurrentTenant> ensure() {
		return exists().flatMap((exists) -> exists ? Mono.empty() : create()).then(owner());
	}

	@Override
	public Mono<Void> welcome(SignedInUser newcomer) {
		if (!this.settings.enabled()) {
			return Mono.empty();
		}
		return this.members.admit(ID, NAME, newcomer, Role.ADMIN, "demo mode").then();
	}

	private Mono<Boolean> exists() {
		return this.transactions.inTenant(ID, (
				db) -> db.sql(DemoRows.EXISTS).bind("id", ID.value()).map((row) -> row.get("n", Long.class) > 0).one());
	}

	private Mono<CurrentTenant> owner() {
		return demoOwner().flatMap((owner) -> this.tenants.enter(owner, ID));
	}

	/** The demo's owner is a user of its own provider, so no real sign-in can be them. */
	private Mono<SignedInUser> demoOwner() {
		return this.signIn.signIn("demo", "owner", "Dana Demo");
	}

	private Mono<Void> create() {
		return demoOwner().flatMap((owner) -> this.tenants.createDemo(ID, owner, NAME))
			.doOnNext((id) -> logger.info("Created the demo tenant \"{}\"", NAME))
			.then();
	}

}
