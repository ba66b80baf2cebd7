package io.baton.tokens;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.AuditQuery;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonChecksTest;
import io.baton.testing.PageConnections;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled token check against the sandbox: each way a page token dies on Facebook
 * is told apart by Graph's code and subcode, recorded with its cause, and shown to staff
 * with what to do.
 */
@BatonChecksTest
class TokenChecksTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TokenChecks checks;

	@Autowired
	PageTokens tokens;

	@Autowired
	AuditLog auditLog;

	SandboxConsole console;

	CurrentTenant acme;

	WebTestClient staff;

	PageConnections connections;

	String person;

	String appId;

	String page;

	@BeforeEach
	void aPageConnectedThroughLogin() {
		SandboxWorld world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(world);
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.staff = Staff.clientOf(this.context, owner);
		this.connections = new PageConnections(world, this.staff, this.acme);
		PageConnections connections = this.connections;
		this.person = this.console.person("Paula " + System.nanoTime());
		this.page = this.console.page("Acme Shoes", this.person);
		JsonNode app = connections.aFacebookApp("Acme Bot");
		this.appId = app.path("id").asString();
		connections.register(this.appId, app.path("secret").asString());
		connections.connect(this.appId, this.person, PageConnections.PAGE_PERMISSIONS, List.of(this.page));
	}

	@Test
	void aHealthyTokenStaysValidWithItsScopesAndCheckTime() {
		this.checks.runOnce().block();

		PageToken token = onlyToken();
		assertThat(token.valid()).isTrue();
		assertThat(token.lastCheckedAt()).isNotNull();
		assertThat(token.scopes()).contains("pages_messaging");
		assertThat(token.dataAccessExpiresAt()).isNotNull();
	}

	@Test
	void aPasswordChangeIsToldApartFromAnExpiryAndFromTheAppBeingRemoved() {
		this.console.api("POST", "/sandbox/api/users/" + this.person + "/password-change", null);

		this.checks.runOnce().block();

		assertThat(onlyToken().problem()).isEqualTo(TokenProblem.PASSWORD_CHANGED);
		assertThat(this.tokens.invalidCount(this.acme).block()).isEqualTo(1);
		assertThat(
				this.auditLog.search(this.acme, AuditQuery.all()).map((entry) -> entry.action()).collectList().block())
			.contains("page.token_invalid");
	}

	@Test
	void anExpiredTokenIsToldApart() {
		this.console.api("POST", "/sandbox/api/tokens/expire", "{\"user_id\": \"" + this.person + "\"}");

		this.checks.runOnce().block();

		assertThat(onlyToken().problem()).isEqualTo(TokenProblem.EXPIRED);
	}

	@Test
	void removingTheAppIsRecognisedByItsSubcode() {
		this.console.api("DELETE", "/sandbox/api/users/" + this.person + "/apps/" + this.appId, null);

		this.checks.runOnce().block();

		assertThat(onlyToken().problem()).isEqualTo(TokenProblem.APP_REMOVED);
	}

	@Test
	void losingThePageRoleInvalidatesItsToken() {
		this.console.api("DELETE", "/sandbox/api/pages/" + this.page + "/roles/" + this.person, null);

		this.checks.runOnce().block();

		assertThat(onlyToken().valid()).isFalse();
		assertThat(onlyToken().problem()).isEqualTo(TokenProblem.REVOKED);
	}

	@Test
	void everyPageShowsTheBannerUntilTheOnePageIsReconnected() {
		String secondPage = this.console.page("Acme Hats", this.person);
		this.connections.connect(this.appId, this.person, PageConnections.PAGE_PERMISSIONS, List.of(secondPage),
				"again=true");
		this.console.api("POST", "/sandbox/api/users/" + this.person + "/password-change", null);
		this.checks.runOnce().block();
		assertThat(page("/t/" + this.acme.id() + "/members")).contains("2 page tokens no longer work");

		String outcome = this.connections.connect(this.appId, this.person, PageConnections.PAGE_PERMISSIONS,
				List.of(this.page), "again=true&page=" + this.page);

		assertThat(outcome).contains("Acme Shoes").doesNotContain("Acme Hats");
		assertThat(page("/t/" + this.acme.id() + "/pages")).contains("1 page token no longer works");
		assertThat(this.tokens.inventory(this.acme).collectList().block())
			.filteredOn((token) -> token.page().value().equals(this.page))
			.singleElement()
			.satisfies((token) -> assertThat(token.valid()).isTrue());
	}

	@Test
	void graphFailingOrRateLimitingDuringAChecksLeavesTheTokenAsItWasUntilACheckGetsThrough() {
		this.checks.runOnce().block();
		for (String kind : List.of("server_error", "rate_limit")) {
			this.console.api("POST", "/sandbox/api/faults",
					"{\"app_id\": \"" + this.appId + "\", \"kind\": \"" + kind + "\", \"calls\": 5}");
			this.console.api("POST", "/sandbox/api/users/" + this.person + "/password-change", null);
			makeDue();

			this.checks.runOnce().block();

			assertThat(onlyToken().valid()).as("after %s", kind).isTrue();
			assertThat(onlyToken().problem()).as("after %s", kind).isNull();
			this.console.api("GET", "/sandbox/api/faults", null)
				.path("body")
				.path("data")
				.forEach((fault) -> this.console.api("DELETE", "/sandbox/api/faults/" + fault.path("id").asString(),
						null));
		}
		makeDue();

		this.checks.runOnce().block();

		assertThat(onlyToken().valid()).as("the first check Graph answers").isFalse();
		assertThat(onlyToken().problem()).isEqualTo(TokenProblem.PASSWORD_CHANGED);
	}

	private void makeDue() {
		this.context.getBean(io.baton.tenancy.TenantTransactions.class)
			.inTenant(this.acme.id(),
					(db) -> db.sql("UPDATE page_connections SET last_checked_at = NULL WHERE app_id = :app")
						.bind("app", this.appId)
						.fetch()
						.rowsUpdated())
			.block();
	}

	private String page(String path) {
		return this.staff.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
	}

	private PageToken onlyToken() {
		List<PageToken> inventory = this.tokens.inventory(this.acme).collectList().block();
		assertThat(inventory).hasSize(1);
		return inventory.get(0);
	}

}
