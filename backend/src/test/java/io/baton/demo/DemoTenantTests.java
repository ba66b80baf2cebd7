package io.baton.demo;

import io.baton.platform.NotFound;
import io.baton.tenancy.TenantTransactions;
import io.baton.tenancy.TenantMembership;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.SignIn;
import io.baton.tenancy.Role;
import io.baton.tenancy.Members;
import io.baton.tenancy.Member;
import io.baton.tenancy.CurrentTenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.baton.apps.Apps;
import io.baton.graph.AppId;
import io.baton.platform.BatonSettings;
import io.baton.testing.BatonDemoTest;
import io.baton.tokens.PageToken;
import io.baton.tokens.PageTokens;

import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demo mode: the Demo Shop exists after start-up, and a person signing in for the first
 * time finds themselves an admin of it, so there is something to look at. Other classes
 * of the demo flavour sign people in too, so the members are compared before and after.
 */
@BatonDemoTest
class DemoTenantTests {

	@Autowired
	SignIn signIn;

	@Autowired
	TenantManagement tenants;

	@Autowired
	Members members;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	DemoTenant demo;

	@Autowired
	PageTokens tokens;

	@Autowired
	Apps apps;

	@Autowired
	BatonSettings baton;

	@Autowired
	Environment environment;

	@Test
	void aFirstSignInJoinsTheDemoShopAsAdminOnce() {
		await().atMost(Duration.ofSeconds(10)).until(this::demoShopExists);
		List<String> membersBefore = memberNames(this.demo.ensure().block());
		String externalId = "fb-nora-" + System.nanoTime();

		SignedInUser newcomer = this.signIn.signIn("facebook", externalId, "Nora Newcomer").block();
		this.signIn.signIn("facebook", externalId, "Nora Newcomer").block();

		List<TenantMembership> memberships = this.tenants.tenantsOf(newcomer.id()).collectList().block();
		assertThat(memberships).singleElement().satisfies((membership) -> {
			assertThat(membership.tenantName()).isEqualTo("Demo Shop");
			assertThat(membership.role()).isEqualTo(Role.ADMIN);
			assertThat(membership.demo()).isTrue();
		});
		CurrentTenant asNewcomer = this.tenants.enter(newcomer, DemoTenant.ID).block();
		List<String> expected = new ArrayList<>(membersBefore);
		expected.add("Nora Newcomer");
		assertThat(membersBefore).contains("Dana Demo");
		assertThat(memberNames(asNewcomer)).as("the members before, and the newcomer once")
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void theDemoShopHasTwoAppsConnectedToTwoPages() {
		CurrentTenant owner = this.demo.ensure().block();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.tokens.inventory(owner).filter(PageToken::valid).count().block() == 4);
		assertThat(this.tokens.inventory(owner)
			.map((token) -> token.appName() + " / " + token.pageName())
			.collectList()
			.block()).containsExactlyInAnyOrder("Demo Support Bot / Demo Shoes", "Demo Support Bot / Demo Hats",
					"Demo Live Agents / Demo Shoes", "Demo Live Agents / Demo Hats");
	}

	@Test
	void theDemoAppsDeliverToTheSandboxsDemoBot() {
		CurrentTenant owner = this.demo.ensure().block();

		for (String app : List.of("1000000000000011", "1000000000000012")) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.apps.find(owner, new AppId(app))
					.map((found) -> String.valueOf(found.botEndpoint()))
					.onErrorReturn(NotFound.class, "")
					.block()
					.equals(this.baton.link("/sandbox/demo-bot/" + app)));
		}
	}

	@Test
	void aPersonsMessageReachesTheSupportBotAsMessagingAndTheLiveAgentsAsStandby() {
		CurrentTenant owner = this.demo.ensure().block();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.tokens.inventory(owner).filter(PageToken::valid).count().block() == 4);
		SandboxConsole sandbox = new SandboxConsole(new SandboxWorld(this.environment));
		String page = demoPage(sandbox, "Demo Shoes");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> appRoles(sandbox, "Demo Shoes")
				.containsAll(List.of("1000000000000011=primary_receiver", "1000000000000012=secondary_receiver")));
		String writer = sandbox.person("Rita Roles " + System.nanoTime());
		String text = "Which sizes? " + System.nanoTime();

		sandbox.api("POST", "/sandbox/api/messenger/pages/" + page + "/people/" + writer + "/message",
				"{\"text\": \"" + text + "\"}");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(receivedAs(sandbox, "1000000000000011", text)).isEqualTo("messaging");
			assertThat(receivedAs(sandbox, "1000000000000012", text)).isEqualTo("standby");
		});
	}

	private static String demoPage(SandboxConsole sandbox, String name) {
		for (JsonNode page : sandbox.api("GET", "/sandbox/api/pages", null).path("body").path("data")) {
			if (name.equals(page.path("name").asString())) {
				return page.path("id").asString();
			}
		}
		throw new AssertionError("no demo page " + name);
	}

	private static List<String> appRoles(SandboxConsole sandbox, String pageName) {
		List<String> roles = new ArrayList<>();
		for (JsonNode page : sandbox.api("GET", "/sandbox/api/pages", null).path("body").path("data")) {
			if (pageName.equals(page.path("name").asString())) {
				page.path("app_roles")
					.forEach((role) -> roles.add(role.path("app_id").asString() + "=" + role.path("role").asString()));
			}
		}
		return roles;
	}

	/** {@code messaging} or {@code standby}: how the app's demo bot received the text. */
	private static String receivedAs(SandboxConsole sandbox, String app, String text) {
		for (JsonNode receipt : sandbox.api("GET", "/sandbox/api/demo-bot/" + app + "/receipts?limit=1000", null)
			.path("body")
			.path("data")) {
			if (text.equals(receipt.path("text").asString())) {
				return receipt.path("kind").asString();
			}
		}
		return "";
	}

	private List<String> memberNames(CurrentTenant demoShop) {
		return this.members.list(demoShop).map(Member::name).collectList().block();
	}

	private boolean demoShopExists() {
		return this.transactions
			.inTenant(DemoTenant.ID,
					(db) -> db.sql("SELECT count(*) FROM tenants").map((row) -> row.get(0, Long.class)).one())
			.block() == 1;
	}

}
