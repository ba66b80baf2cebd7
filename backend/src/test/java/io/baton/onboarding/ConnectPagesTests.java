package io.baton.onboarding;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.apps.App;
import io.baton.apps.Apps;
import io.baton.graph.AppId;
import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.PageConnections;
import io.baton.testing.Staff;
import io.baton.tokens.PageToken;
import io.baton.tokens.PageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering apps and connecting pages, end to end against the sandbox over HTTP:
 * Baton's pages, the sandbox's Login dialog and Graph, and Baton's webhook handshake.
 */
@BatonTest
class ConnectPagesTests {

	/** The tenant that holds the pages: a name no page or app of the test shares. */
	static final String ACME_TENANT = "Acme Trading Company";

	private static final List<String> PAGE_PERMISSIONS = PageConnections.PAGE_PERMISSIONS;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	TenantManagement tenants;

	@Autowired
	Apps apps;

	@Autowired
	PageTokens tokens;

	SandboxWorld world;

	SandboxConsole console;

	PageConnections connections;

	CurrentTenant acme;

	WebTestClient acmeAdmin;

	String facebookUser;

	String appId;

	String appSecret;

	List<String> pages;

	@BeforeEach
	void aTenantAFacebookAppAndAPersonWithThreePages() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		TenantId id = this.tenants.create(owner, ACME_TENANT).block();
		this.acme = this.tenants.enter(owner, id).block();
		this.acmeAdmin = Staff.clientOf(this.context, owner);
		this.facebookUser = this.console.person("Paula " + System.nanoTime());
		this.pages = List.of(this.console.page("Acme Shoes", this.facebookUser),
				this.console.page("Acme Hats", this.facebookUser), this.console.page("Acme Socks", this.facebookUser),
				this.console.page("Acme Gloves", this.facebookUser),
				this.console.page("Acme Scarves", this.facebookUser));
		this.connections = new PageConnections(this.world, this.acmeAdmin, this.acme);
		JsonNode app = this.connections.aFacebookApp("Acme Bot");
		this.appId = app.path("id").asString();
		this.appSecret = app.path("secret").asString();
	}

	@Test
	void registeringAnAppChecksItWithGraphAndSetsTheWebhookSubscriptionThroughTheHandshake() {
		register(this.acmeAdmin, this.acme, this.appSecret);

		App app = this.apps.find(this.acme, new AppId(this.appId)).block();
		assertThat(app.subscriptionState()).isEqualTo(App.SubscriptionState.SUBSCRIBED);
		assertThat(app.name()).isEqualTo("Acme Bot");
		JsonNode subscriptions = this.world.graphGet("/sandbox/graph/v24.0/" + this.appId
				+ "/subscriptions?access_token=" + this.appId + "%7C" + this.appSecret);
		assertThat(subscriptions.path("body").path("data").get(0).path("callback_url").asString())
			.isEqualTo(app.callbackUrl());
	}

	@Test
	void aWrongSecretOrAnAppOfAnotherTenantIsRefusedWithoutNamingTheTenant() {
		register(this.acmeAdmin, this.acme, this.appSecret);
		SignedInUser rival = Staff.signedIn(this.context, "Rita " + System.nanoTime());
		TenantId rivalId = this.tenants.create(rival, "Rival").block();
		WebTestClient rivalClient = Staff.clientOf(this.context, rival);

		String wrongSecret = flashAfter(rivalClient, "/t/" + rivalId + "/apps",
				"appId=" + this.appId + "&secret=wrong");
		String taken = flashAfter(rivalClient, "/t/" + rivalId + "/apps",
				"appId=" + this.appId + "&secret=" + this.appSecret);

		assertThat(wrongSecret).contains("Facebook did not accept this app id and secret");
		assertThat(taken).contains("already registered with Baton").doesNotContain(ACME_TENANT);
		assertThat(this.apps.list(this.tenants.enter(rival, rivalId).block()).collectList().block()).isEmpty();
	}

	@Test
	void connectingPagesStoresTheirTokensAndSubscribesTheAppOnEachChosenPage() {
		register(this.acmeAdmin, this.acme, this.appSecret);

		String outcome = connect(PAGE_PERMISSIONS, List.of(this.pages.get(0), this.pages.get(1)));

		assertThat(outcome).contains("Acme Shoes").contains("Acme Hats").doesNotContain("Not connected");
		List<PageToken> inventory = this.tokens.inventory(this.acme).collectList().block();
		assertThat(inventory).extracting((token) -> token.page().value())
			.containsExactlyInAnyOrder(this.pages.get(0), this.pages.get(1));
		assertThat(inventory).allSatisfy((token) -> {
			assertThat(token.valid()).isTrue();
			assertThat(token.scopes()).containsAll(PAGE_PERMISSIONS);
		});
		assertThat(subscribedApps(this.pages.get(0))).contains(this.appId);
		assertThat(subscribedApps(this.pages.get(2))).doesNotContain(this.appId);
	}

	@Test
	void graphFailingHalfWayLeavesEachPageFullyConnectedOrNotAndSaysWhich() {
		register(this.acmeAdmin, this.acme, this.appSecret);
		this.console.api("POST", "/sandbox/api/faults",
				"{\"page_id\": \"" + this.pages.get(1) + "\", \"kind\": \"server_error\"}");

		String outcome = connect(PAGE_PERMISSIONS, this.pages);

		assertThat(outcome).contains("Not connected").contains("Graph error 2");
		assertThat(outcome.split("Connected and subscribed", -1)).hasSize(5);
		assertThat(this.tokens.inventory(this.acme).collectList().block()).extracting((token) -> token.page().value())
			.containsExactlyInAnyOrder(this.pages.get(0), this.pages.get(2), this.pages.get(3), this.pages.get(4));
		assertThat(subscribedApps(this.pages.get(1))).doesNotContain(this.appId);
		assertThat(subscribedApps(this.pages.get(0))).contains(this.appId);
		assertThat(subscribedApps(this.pages.get(2))).contains(this.appId);
	}

	@Test
	void declinedPagesMessagingExplainsAndOffersToTryAgain() {
		register(this.acmeAdmin, this.acme, this.appSecret);

		String choose = dialogThenChoosePage(List.of("pages_show_list", "pages_manage_metadata"), null);

		assertThat(choose).contains("did not grant").contains("pages_messaging").contains("Try again");
		assertThat(this.tokens.inventory(this.acme).collectList().block()).isEmpty();
	}

	@Test
	void disconnectingAPageUnsubscribesTheAppAtFacebookAndErasesTheToken() {
		register(this.acmeAdmin, this.acme, this.appSecret);
		connect(PAGE_PERMISSIONS, List.of(this.pages.get(0)));

		this.acmeAdmin.post()
			.uri("/t/" + this.acme.id() + "/apps/" + this.appId + "/pages/" + this.pages.get(0) + "/disconnect")
			.exchange()
			.expectStatus()
			.is3xxRedirection();

		assertThat(this.tokens.inventory(this.acme).collectList().block()).isEmpty();
		assertThat(subscribedApps(this.pages.get(0))).doesNotContain(this.appId);
	}

	@Test
	void aPageAlreadyConnectedToAnotherTenantIsRefusedWithoutNamingIt() {
		register(this.acmeAdmin, this.acme, this.appSecret);
		connect(PAGE_PERMISSIONS, List.of(this.pages.get(0)));
		SignedInUser rival = Staff.signedIn(this.context, "Rita " + System.nanoTime());
		CurrentTenant rivalTenant = this.tenants.enter(rival, this.tenants.create(rival, "Rival").block()).block();
		PageConnections rivalConnections = new PageConnections(this.world, Staff.clientOf(this.context, rival),
				rivalTenant);
		JsonNode rivalApp = rivalConnections.aFacebookApp("Rival Bot");
		rivalConnections.register(rivalApp.path("id").asString(), rivalApp.path("secret").asString());

		String outcome = rivalConnections.connect(rivalApp.path("id").asString(), this.facebookUser, PAGE_PERMISSIONS,
				List.of(this.pages.get(0), this.pages.get(1)));

		assertThat(outcome).contains("already connected to another Baton tenant").doesNotContain(ACME_TENANT);
		assertThat(this.tokens.inventory(rivalTenant).collectList().block()).extracting((token) -> token.page().value())
			.containsExactly(this.pages.get(1));
	}

	@Test
	void deletingAnAppUnsubscribesItFromItsPagesFirst() {
		register(this.acmeAdmin, this.acme, this.appSecret);
		connect(PAGE_PERMISSIONS, List.of(this.pages.get(0), this.pages.get(1)));

		this.acmeAdmin.post()
			.uri("/t/" + this.acme.id() + "/apps/" + this.appId + "/delete")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("confirmation=" + this.appId)
			.exchange()
			.expectStatus()
			.is3xxRedirection();

		assertThat(this.apps.list(this.acme).collectList().block()).isEmpty();
		assertThat(this.tokens.inventory(this.acme).collectList().block()).isEmpty();
		assertThat(this.world
			.graphGet("/sandbox/graph/v24.0/" + this.appId + "/subscriptions?access_token=" + this.appId + "%7C"
					+ this.appSecret)
			.path("body")
			.path("data")).isEmpty();
	}

	@Test
	void deletingATenantUnsubscribesItsAppsFromTheirPagesFirst() {
		register(this.acmeAdmin, this.acme, this.appSecret);
		connect(PAGE_PERMISSIONS, List.of(this.pages.get(0), this.pages.get(1)));

		this.acmeAdmin.post()
			.uri("/t/" + this.acme.id() + "/delete")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("confirmation=" + ACME_TENANT)
			.exchange()
			.expectStatus()
			.is3xxRedirection();

		assertThat(subscribedApps(this.pages.get(0))).doesNotContain(this.appId);
		assertThat(subscribedApps(this.pages.get(1))).doesNotContain(this.appId);
		assertThat(this.world
			.graphGet("/sandbox/graph/v24.0/" + this.appId + "/subscriptions?access_token=" + this.appId + "%7C"
					+ this.appSecret)
			.path("body")
			.path("data")).isEmpty();
	}

	private void register(WebTestClient client, CurrentTenant tenant, String secret) {
		new PageConnections(this.world, client, tenant).register(this.appId, secret);
	}

	private String connect(List<String> permissions, List<String> chosen) {
		return this.connections.connect(this.appId, this.facebookUser, permissions, chosen);
	}

	private String dialogThenChoosePage(List<String> permissions, List<String> grantedPages) {
		return this.connections.dialogThenChoosePage(this.appId, this.facebookUser, permissions);
	}

	private String flashAfter(WebTestClient client, String uri, String form) {
		String target = client.post()
			.uri(uri)
			.header("Referer", uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(form)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return client.get().uri(target).exchange().expectBody(String.class).returnResult().getResponseBody();
	}

	private String subscribedApps(String pageId) {
		return this.connections.subscribedApps(this.facebookUser, this.appId, this.appSecret, pageId);
	}

}
