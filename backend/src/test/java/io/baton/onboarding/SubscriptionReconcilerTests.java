package io.baton.onboarding;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.graph.AppId;
import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
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
 * A subscription Facebook dropped (at the app or at a page) is found by the reconciler
 * with the time it was found, and restored: automatically when the app says so, else with
 * one click.
 */
@BatonChecksTest
class SubscriptionReconcilerTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	TenantManagement tenants;

	@Autowired
	SubscriptionReconciler reconciler;

	SandboxWorld world;

	SandboxConsole console;

	PageConnections connections;

	CurrentTenant acme;

	WebTestClient staff;

	String person;

	String appId;

	String appSecret;

	String page;

	@BeforeEach
	void anAppWithAConnectedPage() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.staff = Staff.clientOf(this.context, owner);
		this.connections = new PageConnections(this.world, this.staff, this.acme);
		this.person = this.console.person("Paula " + System.nanoTime());
		this.page = this.console.page("Acme Shoes", this.person);
		JsonNode app = this.connections.aFacebookApp("Acme Bot");
		this.appId = app.path("id").asString();
		this.appSecret = app.path("secret").asString();
		this.connections.register(this.appId, this.appSecret);
		this.connections.connect(this.appId, this.person, PageConnections.PAGE_PERMISSIONS, List.of(this.page));
	}

	@Test
	void nothingIsReportedWhileGraphAgreesWithBaton() {
		this.reconciler.runOnce().block();

		assertThat(this.reconciler.drift(this.acme, new AppId(this.appId)).collectList().block()).isEmpty();
	}

	@Test
	void aDroppedAppSubscriptionIsFoundAndRestoredAutomatically() {
		this.world.graphPost("/sandbox/graph/v24.0/" + this.appId + "/subscriptions", java.util.Map.of("access_token",
				List.of(this.appId + "|" + this.appSecret), "method", List.of("delete"), "object", List.of("page")));

		this.reconciler.runOnce().block();

		assertThat(this.reconciler.drift(this.acme, new AppId(this.appId)).collectList().block()).singleElement()
			.satisfies((drift) -> {
				assertThat(drift.description()).contains("no page webhook subscription");
				assertThat(drift.resolution()).isEqualTo("Restored automatically.");
			});
		JsonNode subscriptions = this.world.graphGet("/sandbox/graph/v24.0/" + this.appId
				+ "/subscriptions?access_token=" + this.appId + "%7C" + this.appSecret);
		assertThat(subscriptions.path("body").path("data")).hasSize(1);
	}

	@Test
	void aPageWithoutGetStartedPostbacksIsFoundAndRestoredWithOneClickWhenAutomaticIsOff() {
		this.staff.post()
			.uri("/t/" + this.acme.id() + "/apps/" + this.appId + "/settings")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.bodyValue("botEndpoint=")
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		String pageToken = this.console.pageToken(this.console.userToken(this.person, this.appId, this.appSecret,
				this.connections.callbackUri(), PageConnections.PAGE_PERMISSIONS, List.of(this.page)), this.page);
		this.world.graphPost("/sandbox/graph/v24.0/" + this.page + "/subscribed_apps", java.util.Map.of("access_token",
				List.of(pageToken), "subscribed_fields", List.of("messages,message_reads")));

		this.reconciler.runOnce().block();
		String before = this.connections.subscribedApps(this.person, this.appId, this.appSecret, this.page);
		this.staff.post()
			.uri("/t/" + this.acme.id() + "/apps/" + this.appId + "/restore")
			.exchange()
			.expectStatus()
			.is3xxRedirection();

		assertThat(before).doesNotContain("messaging_postbacks");
		assertThat(this.connections.subscribedApps(this.person, this.appId, this.appSecret, this.page))
			.contains("messaging_postbacks");
		assertThat(this.reconciler.drift(this.acme, new AppId(this.appId)).collectList().block()).singleElement()
			.satisfies((drift) -> {
				assertThat(drift.description()).contains("lacks").contains("messaging_postbacks");
				assertThat(drift.open()).isFalse();
			});
	}

}
