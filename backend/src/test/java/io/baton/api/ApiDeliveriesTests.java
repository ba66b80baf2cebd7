package io.baton.api;

import java.util.List;
import java.util.Map;

import io.baton.testing.TestHttp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import io.baton.apps.ApiKeys;
import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Invitations;
import io.baton.tenancy.Role;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;
import io.baton.testing.WebhookReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery API over real HTTP, with real deliveries from signed webhooks to a real
 * bot: search, read, replay, endpoint health, for an app's API key and for staff; and the
 * walls between apps and tenants.
 */
@SuppressWarnings("unchecked")
@BatonTest
class ApiDeliveriesTests {

	static final String PAGE = "4500000000001";

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	ApiKeys keys;

	@Value("${baton.public-url}")
	String baseUrl;

	final WebhookReceiver bot = new WebhookReceiver();

	final WebhookReceiver otherBot = new WebhookReceiver();

	FacebookWebhooks facebook;

	SignedInUser owner;

	CurrentTenant acme;

	AppId app;

	AppId otherApp;

	String key;

	String otherAppsKey;

	@BeforeEach
	void anAppWhoseBotListensBesideASecondApp() {
		this.facebook = new FacebookWebhooks(this.baseUrl);
		this.owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(this.owner, this.tenants.create(this.owner, "Acme").block()).block();
		this.app = anApp(this.acme, this.bot);
		this.otherApp = anApp(this.acme, this.otherBot);
		this.key = this.keys.create(this.acme, this.app, "support bot").block().value();
		this.otherAppsKey = this.keys.create(this.acme, this.otherApp, "other bot").block().value();
	}

	@AfterEach
	void closeTheBots() {
		this.bot.close();
		this.otherBot.close();
	}

	@Test
	void searchesTheAppsDeliveriesNewestFirstByPsidMidAndStatus() throws Exception {
		delivered(this.app, message(PAGE, "601", "m_s1", "one"));
		delivered(this.app, message(PAGE, "602", "m_s2", "two"));
		delivered(this.otherApp, message(PAGE, "601", "m_s3", "elsewhere"));

		api(this.key).get()
			.uri("/api/v1/apps/{app}/deliveries", this.app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.items[*].mid")
			.isEqualTo(List.of("m_s2", "m_s1"))
			.jsonPath("$.items[0].status")
			.isEqualTo("delivered")
			.jsonPath("$.items[0].payload")
			.doesNotExist()
			.jsonPath("$.next")
			.isEmpty();
		assertThat(mids("?psid=601")).containsExactly("m_s1");
		assertThat(mids("?mid=m_s2")).containsExactly("m_s2");
		assertThat(mids("?status=delivered")).containsExactly("m_s2", "m_s1");
		assertThat(mids("?status=dead")).isEmpty();
		assertThat(mids("?from=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00Z")).isEmpty();
	}

	@Test
	void pagesThroughTheLogWithTheNextCursor() throws Exception {
		delivered(this.app, message(PAGE, "611", "m_p1", "one"));
		delivered(this.app, message(PAGE, "611", "m_p2", "two"));

		Map<String, Object> first = page("?limit=1");
		Map<String, Object> second = page("?limit=1&before=" + first.get("next"));
		Map<String, Object> last = page("?limit=1&before=" + second.get("next"));

		assertThat(mids(first)).containsExactly("m_p2");
		assertThat(mids(second)).containsExactly("m_p1");
		assertThat(mids(last)).isEmpty();
		assertThat(last.get("next")).isNull();
	}

	@Test
	void readsOneDeliveryWithItsPayloadAndEveryAttempt() throws Exception {
		long id = delivered(this.app, message(PAGE, "621", "m_r1", "read me"));

		api(this.key).get()
			.uri("/api/v1/deliveries/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.appId")
			.isEqualTo(this.app.value())
			.jsonPath("$.psid")
			.isEqualTo("621")
			.jsonPath("$.payload")
			.value((String payload) -> assertThat(payload).contains("read me"))
			.jsonPath("$.attempts.length()")
			.isEqualTo(1)
			.jsonPath("$.attempts[0].status")
			.isEqualTo(200)
			.jsonPath("$.deliveredAt")
			.value((String at) -> assertThat(at).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
	}

	@Test
	void showsOnlyTheShortRedactedStartOfAFailingBotsAnswer() throws Exception {
		this.bot.answer(500, "upstream failed: access_token=EAAGsecretvalue " + "z".repeat(3000));
		long id = queued(this.app, message(PAGE, "625", "m_b1", "answered badly"));
		await().atMost(WebhookReceiver.patience()).until(() -> "dead".equals(status(id)));

		api(this.key).get()
			.uri("/api/v1/deliveries/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attempts[0].status")
			.isEqualTo(500)
			.jsonPath("$.attempts[0].responseBody")
			.value((String shown) -> assertThat(shown).startsWith("upstream failed: access_token=[redacted]")
				.doesNotContain("EAAGsecretvalue")
				.hasSizeLessThanOrEqualTo(301));
	}

	@Test
	void replaysADeadLetterOnceTheBotIsBack() throws Exception {
		this.bot.answer(500);
		long id = queued(this.app, message(PAGE, "631", "m_d1", "doomed"));
		await().atMost(WebhookReceiver.patience()).until(() -> "dead".equals(status(id)));

		this.bot.answer(200);
		api(this.key).post()
			.uri("/api/v1/deliveries/{id}/replay", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id);

		await().atMost(WebhookReceiver.patience()).until(() -> "delivered".equals(status(id)));
		assertThat(this.bot.events("messaging")).hasSize(1);
	}

	@Test
	void replaysEveryDeadLetterOfTheApp() throws Exception {
		this.bot.answer(500);
		long first = queued(this.app, message(PAGE, "641", "m_a1", "first"));
		long second = queued(this.app, message(PAGE, "642", "m_a2", "second"));
		await().atMost(WebhookReceiver.patience())
			.until(() -> "dead".equals(status(first)) && "dead".equals(status(second)));

		this.bot.answer(200);
		api(this.key).post()
			.uri("/api/v1/apps/{app}/dead-letters/replay", this.app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.replayed")
			.isEqualTo(2);

		await().atMost(WebhookReceiver.patience())
			.until(() -> "delivered".equals(status(first)) && "delivered".equals(status(second)));
	}

	@Test
	void answersTheEndpointsHealth() throws Exception {
		delivered(this.app, message(PAGE, "651", "m_h1", "healthy"));

		api(this.key).get()
			.uri("/api/v1/apps/{app}/endpoint", this.app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.endpoint")
			.isEqualTo(this.bot.url())
			.jsonPath("$.state")
			.isEqualTo("healthy")
			.jsonPath("$.dead")
			.isEqualTo(0);
	}

	@Nested
	class Walls {

		@Test
		void aKeySeesNothingOfAnotherAppOfItsTenant() throws Exception {
			long others = delivered(ApiDeliveriesTests.this.otherApp, message(PAGE, "701", "m_w1", "not yours"));

			for (String path : List.of("/api/v1/deliveries/" + others,
					"/api/v1/apps/" + ApiDeliveriesTests.this.otherApp + "/deliveries",
					"/api/v1/apps/" + ApiDeliveriesTests.this.otherApp + "/endpoint")) {
				problem(api(ApiDeliveriesTests.this.key).get().uri(path).exchange(), 404, "not-found");
			}
			for (String path : List.of("/api/v1/deliveries/" + others + "/replay",
					"/api/v1/apps/" + ApiDeliveriesTests.this.otherApp + "/dead-letters/replay")) {
				problem(api(ApiDeliveriesTests.this.key).post().uri(path).exchange(), 404, "not-found");
			}

			assertThat(ApiDeliveriesTests.this.otherBot.arrived()).isEqualTo(1);
		}

		@Test
		void aKeyOfAnotherTenantSeesNothingOfThisOne() throws Exception {
			long id = delivered(ApiDeliveriesTests.this.app, message(PAGE, "711", "m_w2", "ours"));
			SignedInUser stranger = Staff.signedIn(ApiDeliveriesTests.this.context, "Stranger " + System.nanoTime());
			CurrentTenant globex = ApiDeliveriesTests.this.tenants
				.enter(stranger, ApiDeliveriesTests.this.tenants.create(stranger, "Globex").block())
				.block();
			AppId theirs = Fixtures.anAppOf(ApiDeliveriesTests.this.context, globex,
					"78" + (System.nanoTime() % 10_000_000_000_000L));
			String theirKey = ApiDeliveriesTests.this.keys.create(globex, theirs, "globex bot").block().value();

			problem(api(theirKey).get().uri("/api/v1/deliveries/{id}", id).exchange(), 404, "not-found");
			problem(api(theirKey).post().uri("/api/v1/deliveries/{id}/replay", id).exchange(), 404, "not-found");
			problem(api(theirKey).get().uri("/api/v1/apps/{app}/deliveries", ApiDeliveriesTests.this.app).exchange(),
					404, "not-found");

			assertThat(ApiDeliveriesTests.this.bot.arrived()).isEqualTo(1);
		}

		@Test
		void aRevokedKeyIsRefused() {
			var issued = ApiDeliveriesTests.this.keys
				.create(ApiDeliveriesTests.this.acme, ApiDeliveriesTests.this.app, "old bot")
				.block();
			ApiDeliveriesTests.this.keys
				.revoke(ApiDeliveriesTests.this.acme, ApiDeliveriesTests.this.app, issued.key().id())
				.block();

			Map<String, Object> problem = problem(api(issued.value()).get()
				.uri("/api/v1/apps/{app}/deliveries", ApiDeliveriesTests.this.app)
				.exchange(), 401, "unauthorized");

			assertThat(problem.get("detail")).isEqualTo("The API key has been revoked.");
		}

	}

	@Nested
	class Refusals {

		@Test
		void noKeyAWrongKeyOrAForgedKeyIs401WithABearerChallenge() {
			String forged = ApiDeliveriesTests.this.key.substring(0, ApiDeliveriesTests.this.key.length() - 4) + "AAAA";
			for (WebTestClient client : List.of(anonymous(), api("nonsense"), api(forged),
					api("bk_AAAAAAAA_" + "A".repeat(43)))) {
				problem(client.get().uri("/api/v1/apps/{app}/deliveries", ApiDeliveriesTests.this.app).exchange(), 401,
						"unauthorized");
			}
		}

		@Test
		void badParametersAre400() {
			String deliveries = "/api/v1/apps/" + ApiDeliveriesTests.this.app + "/deliveries";
			for (String uri : List.of("/api/v1/deliveries/abc", "/api/v1/deliveries/-4", deliveries + "?status=lost",
					deliveries + "?from=yesterday", deliveries + "?limit=0", deliveries + "?limit=201",
					deliveries + "?limit=many", deliveries + "?before=x",
					deliveries + "?from=2025-02-01T00:00:00Z&until=2025-01-01T00:00:00Z",
					"/api/v1/apps/not-an-app/deliveries")) {
				problem(api(ApiDeliveriesTests.this.key).get().uri(uri).exchange(), 400, "bad-parameter");
			}
			problem(api(ApiDeliveriesTests.this.key).post().uri("/api/v1/deliveries/abc/replay").exchange(), 400,
					"bad-parameter");
		}

		@Test
		void anUnknownDeliveryOrPathIs404() {
			problem(api(ApiDeliveriesTests.this.key).get().uri("/api/v1/deliveries/999999999").exchange(), 404,
					"not-found");
			problem(api(ApiDeliveriesTests.this.key).get().uri("/api/v1/nothing-here").exchange(), 404, "not-found");
		}

		@Test
		void aKeyOnAStaffPathIs403() {
			problem(api(ApiDeliveriesTests.this.key).get()
				.uri("/api/v1/tenants/{tenant}/apps/{app}/deliveries", ApiDeliveriesTests.this.acme.id(),
						ApiDeliveriesTests.this.app)
				.exchange(), 403, "forbidden");
		}

	}

	@Nested
	class StaffSessions {

		@Test
		void aViewerReadsButMayNotReplay() throws Exception {
			long id = delivered(ApiDeliveriesTests.this.app, message(PAGE, "801", "m_v1", "seen"));
			WebTestClient viewer = member(Role.VIEWER);

			viewer.get()
				.uri("/api/v1/tenants/{tenant}/apps/{app}/deliveries", ApiDeliveriesTests.this.acme.id(),
						ApiDeliveriesTests.this.app)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[0].id")
				.isEqualTo(id);
			viewer.get()
				.uri("/api/v1/tenants/{tenant}/deliveries/{id}", ApiDeliveriesTests.this.acme.id(), id)
				.exchange()
				.expectStatus()
				.isOk();
			problem(viewer.post()
				.uri("/api/v1/tenants/{tenant}/deliveries/{id}/replay", ApiDeliveriesTests.this.acme.id(), id)
				.exchange(), 403, "forbidden");
			problem(viewer.post()
				.uri("/api/v1/tenants/{tenant}/apps/{app}/dead-letters/replay", ApiDeliveriesTests.this.acme.id(),
						ApiDeliveriesTests.this.app)
				.exchange(), 403, "forbidden");
		}

		@Test
		void anAgentReplaysWithTheCsrfTokenAndNotWithout() throws Exception {
			long id = delivered(ApiDeliveriesTests.this.app, message(PAGE, "811", "m_v2", "again"));
			WebTestClient agent = member(Role.AGENT);

			problem(agent.post()
				.uri("/api/v1/tenants/{tenant}/deliveries/{id}/replay", ApiDeliveriesTests.this.acme.id(), id)
				.header("X-CSRF-TOKEN", "forged")
				.exchange(), 403, "forbidden");
			agent.post()
				.uri("/api/v1/tenants/{tenant}/deliveries/{id}/replay", ApiDeliveriesTests.this.acme.id(), id)
				.exchange()
				.expectStatus()
				.isOk();

			await().atMost(WebhookReceiver.patience()).until(() -> ApiDeliveriesTests.this.bot.arrived() == 2);
		}

		@Test
		void aSessionOnAKeyPathIs403AndAnOtherTenantsAppIs404() {
			WebTestClient owner = Staff.clientOf(ApiDeliveriesTests.this.context, ApiDeliveriesTests.this.owner);

			problem(owner.get().uri("/api/v1/apps/{app}/deliveries", ApiDeliveriesTests.this.app).exchange(), 403,
					"forbidden");
			problem(owner.get()
				.uri("/api/v1/tenants/{tenant}/apps/{app}/endpoint", ApiDeliveriesTests.this.acme.id(), "12345")
				.exchange(), 404, "not-found");
		}

		private WebTestClient member(Role role) {
			SignedInUser member = Staff.signedIn(ApiDeliveriesTests.this.context,
					role.label() + " " + System.nanoTime());
			Invitations invitations = ApiDeliveriesTests.this.context.getBean(Invitations.class);
			String token = invitations.invite(ApiDeliveriesTests.this.acme, role.key() + "@acme.example", role)
				.block()
				.token();
			invitations.accept(token, member).block();
			return Staff.clientOf(ApiDeliveriesTests.this.context, member);
		}

	}

	private AppId anApp(CurrentTenant tenant, WebhookReceiver receiver) {
		AppId created = Fixtures.anAppOf(this.context, tenant, "77" + (System.nanoTime() % 10_000_000_000_000L));
		Fixtures.botEndpointOf(this.context, tenant, created, receiver.url());
		return created;
	}

	/** Facebook sends the event; answers its delivery id once the log has it. */
	private long queued(AppId to, ObjectNode event) throws Exception {
		String mid = event.path("message").path("mid").asString();
		assertThat(this.facebook.post(to.value(), "secret-of-" + to.value(), batch(PAGE, event))).isEqualTo(200);
		String key = to.equals(this.app) ? this.key : this.otherAppsKey;
		return await().atMost(WebhookReceiver.patience()).until(() -> idOf(key, to, mid), (id) -> id != null);
	}

	private long delivered(AppId to, ObjectNode event) throws Exception {
		long id = queued(to, event);
		String key = to.equals(this.app) ? this.key : this.otherAppsKey;
		await().atMost(WebhookReceiver.patience()).until(() -> "delivered".equals(field(key, id, "status")));
		return id;
	}

	private Long idOf(String key, AppId to, String mid) {
		List<?> items = (List<?>) api(key).get()
			.uri("/api/v1/apps/{app}/deliveries?mid={mid}", to, mid)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items");
		return items.isEmpty() ? null : ((Number) ((Map<String, Object>) items.get(0)).get("id")).longValue();
	}

	private String status(long id) {
		return field(this.key, id, "status");
	}

	private String field(String key, long id, String name) {
		return String.valueOf(api(key).get()
			.uri("/api/v1/deliveries/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get(name));
	}

	private Map<String, Object> page(String query) {
		return api(this.key).get()
			.uri("/api/v1/apps/" + this.app + "/deliveries" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private List<Object> mids(String query) {
		return mids(page(query));
	}

	private static List<Object> mids(Map<String, Object> page) {
		return ((List<?>) page.get("items")).stream().map((item) -> ((Map<String, Object>) item).get("mid")).toList();
	}

	private WebTestClient anonymous() {
		return WebTestClient.bindToServer().baseUrl(this.baseUrl).responseTimeout(TestHttp.ANSWER).build();
	}

	private WebTestClient api(String key) {
		return anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
	}

	/**
	 * Asserts an RFC 9457 problem of {@code status} and {@code slug}, with the bearer
	 * challenge on a 401; answers the problem.
	 */
	static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status, String slug) {
		response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == 401) {
			response.expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
		}
		Map<String, Object> problem = response.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(problem).containsEntry("type", "urn:baton:problem:" + slug)
			.containsEntry("status", status)
			.containsKeys("title", "detail", "instance");
		assertThat((String) problem.get("instance")).startsWith("/api/v1/");
		assertThat((String) problem.get("detail")).isNotBlank();
		return problem;
	}

}
