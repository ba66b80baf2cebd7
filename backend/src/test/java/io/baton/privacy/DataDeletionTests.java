package io.baton.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.baton.graph.AppId;
import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Members;
import io.baton.tenancy.Role;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Facebook's data-deletion callback: a request signed with the app secret erases the
 * people linked to the named account (contacts, referrals, tokens, deliveries, their
 * events inside the raw batches) in that tenant only, is recorded even when nothing
 * matches, and has a public status page; anything else is refused in Graph's shape.
 */
@BatonTest
class DataDeletionTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	Environment environment;

	@Autowired
	Members members;

	@Value("${baton.public-url}")
	String baseUrl;

	WebTestClient anonymous;

	CurrentTenant acme;

	AppId app;

	String secret;

	String page;

	@BeforeEach
	void anAppWithAPage() {
		this.anonymous = WebTestClient.bindToApplicationContext(this.context).configureClient().build();
		this.acme = aTenant("Acme");
		this.app = Fixtures.anAppOf(this.context, this.acme, freshAppId());
		this.page = freshPageId();
		Fixtures.aPageOf(this.context, this.acme, this.app, this.page);
		this.secret = "secret-of-" + this.app.value();
	}

	@Test
	void aSignedRequestErasesEveryoneLinkedToTheAccountAndNobodyElse() throws Exception {
		String linked = "8" + System.nanoTime() % 1_000_000_000L;
		String other = "9" + System.nanoTime() % 1_000_000_000L;
		post(this.app, this.secret, message(linked, "m_" + linked, "my address is 1 Main St"),
				accountLinking(linked, "acct-" + linked), message(other, "m_" + other, "hello"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT count(*) AS n FROM deliveries") == 3 && linkedAccount(linked) != null);

		JsonNode answer = requestDeletion(this.app, signedRequest("acct-" + linked, this.secret, future()));

		String code = answer.path("confirmation_code").asString();
		assertThat(answer.path("url").asString()).isEqualTo(this.baseUrl + "/data-deletion/" + code);
		assertThat(count("SELECT count(*) AS n FROM contacts WHERE psid = '" + linked + "'")).isZero();
		assertThat(count("SELECT count(*) AS n FROM deliveries WHERE psid = '" + linked + "'")).isZero();
		assertThat(count("SELECT count(*) AS n FROM contacts WHERE psid = '" + other + "'")).isOne();
		assertThat(count("SELECT count(*) AS n FROM deliveries WHERE psid = '" + other + "'")).isOne();
		String batch = batchBody();
		assertThat(batch).doesNotContain(linked, "1 Main St").contains(other, "hello");
		assertThat(statusPage(code)).contains("Completed").doesNotContain("Acme", linked);
		assertThat(column("SELECT status FROM data_deletion_requests WHERE code = '" + code + "'"))
			.containsExactly("completed");
		assertThat(column("SELECT contacts_erased::text FROM data_deletion_requests WHERE code = '" + code + "'"))
			.containsExactly("1");
	}

	@Test
	void anotherTenantsPersonWithTheSameLinkedAccountIsUntouched() throws Exception {
		CurrentTenant globex = aTenant("Globex");
		AppId globexApp = Fixtures.anAppOf(this.context, globex, freshAppId());
		String globexPage = freshPageId();
		Fixtures.aPageOf(this.context, globex, globexApp, globexPage);
		String psid = "7" + System.nanoTime() % 1_000_000_000L;
		post(globexApp, "secret-of-" + globexApp.value(), globexPage, accountLinking(psid, "acct-shared"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> countIn(globex,
					"SELECT count(*) AS n FROM contacts WHERE linked_account = 'acct-shared'") == 1);

		requestDeletion(this.app, signedRequest("acct-shared", this.secret, future()));

		assertThat(countIn(globex, "SELECT count(*) AS n FROM contacts WHERE linked_account = 'acct-shared'")).isOne();
		assertThat(countIn(globex, "SELECT count(*) AS n FROM data_deletion_requests")).isZero();
	}

	@Test
	void aRequestThatMatchesNobodyIsRecordedAndTheSameRequestAgainKeepsItsCode() {
		String signed = signedRequest("nobody-" + System.nanoTime(), this.secret, future());

		String first = requestDeletion(this.app, signed).path("confirmation_code").asString();
		String again = requestDeletion(this.app, signed).path("confirmation_code").asString();

		assertThat(again).isEqualTo(first);
		assertThat(column("SELECT status || ':' || contacts_erased FROM data_deletion_requests"))
			.containsExactly("completed:0");
		assertThat(column("SELECT encode(user_digest, 'hex') FROM data_deletion_requests")).singleElement()
			.asString()
			.hasSize(64)
			.doesNotContain("nobody");
	}

	@Test
	void refusalsAnswerInGraphsShapeAndAreAudited() {
		Map<String, String> refusals = Map.of("wrong secret", signedRequest("acct-1", "not-the-secret", future()),
				"expired", signedRequest("acct-1", this.secret, Instant.now().minusSeconds(60)), "no dot", "abcdef",
				"not base64", "!!!.###", "tampered",
				signedRequest("acct-1", this.secret, future()).replaceFirst("\\.", ".e"), "empty", "");
		refusals.forEach((what, signed) -> {
			JsonNode error = deletion(this.app.value(), signed).expectStatus()
				.isBadRequest()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			assertThat(error.path("error").path("type").asString()).as(what).isEqualTo("OAuthException");
			assertThat(error.path("error").path("message").asString()).as(what).contains("signed_request");
		});
		deletion("1999999999999999", signedRequest("acct-1", this.secret, future())).expectStatus().isNotFound();
		deletion("not-an-app", "x.y").expectStatus().isNotFound();

		assertThat(count("SELECT count(*) AS n FROM data_deletion_requests")).isZero();
		assertThat(count("SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.deletion_refused'"))
			.isEqualTo(refusals.size());
	}

	@Test
	void anUnknownCodeHasNoStatusPage() {
		this.anonymous.get()
			.uri("/data-deletion/0123456789abcdef0123456789abcdef")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.anonymous.get().uri("/data-deletion/' OR 1=1 --").exchange().expectStatus().isNotFound();
	}

	@Test
	void theSandboxConsoleSendsTheSignedCallbackAsFacebookWould() throws Exception {
		SandboxConsole console = new SandboxConsole(new SandboxWorld(this.environment));
		JsonNode created = console.api("POST", "/sandbox/api/apps", JSON.writeValueAsString(Map.of("id",
				this.app.value(), "name", "Acme's app", "secret", this.secret, "redirect_uris", List.of())));
		assertThat(created.path("status").asInt()).isEqualTo(201);

		JsonNode sent = console.api("POST", "/sandbox/api/apps/" + this.app.value() + "/data-deletion",
				"{\"user_id\": \"acct-from-the-console\"}");

		assertThat(sent.path("status").asInt()).isEqualTo(200);
		assertThat(sent.path("body").path("status").asInt()).isEqualTo(200);
		assertThat(sent.path("body").path("body").asString()).contains("confirmation_code");
		assertThat(count("SELECT count(*) AS n FROM data_deletion_requests")).isOne();
	}

	@Test
	void staffExportThenEraseOneContactButNotOnAnotherTenantsPage() throws Exception {
		String psid = "6" + System.nanoTime() % 1_000_000_000L;
		post(this.app, this.secret, message(psid, "m_" + psid, "order 66"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT count(*) AS n FROM deliveries WHERE psid = '" + psid + "'") == 1);
		this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("""
							INSERT INTO outbound_messages (tenant_id, app_id, page_id, psid, kind, message_id, status,
							                               http_status, duration_ms)
							VALUES (:tenant, :app, :page, :psid, 'message', :mid, 'sent', 200, 12)""")
						.bind("tenant", this.acme.id().value())
						.bind("app", this.app.value())
						.bind("page", this.page)
						.bind("psid", psid)
						.bind("mid", "m_sent_" + psid)
						.then())
			.block();
		SignedInUser owner = ownerOf(this.acme);
		WebTestClient staff = Staff.clientOf(this.context, owner);
		String privacy = "/t/" + this.acme.id().value() + "/privacy";

		staff.get()
			.uri(privacy)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("14 days", "/facebook/data-deletion/{app-id}", "s page"));
		JsonNode export = staff.post()
			.uri(privacy + "/export")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("page", this.page).with("psid", psid))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment.*contact-" + this.page + "-" + psid + "\\.json.*")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(export.path("contacts").path("contact").get(0).path("psid").asString()).isEqualTo(psid);
		assertThat(export.path("deliveries").get(0).path("event").toString()).contains("order 66");
		assertThat(export.path("webhookEvents").toString()).contains("order 66");
		assertThat(export.path("sentMessages").toString()).as("what bots sent the person through Baton")
			.contains("m_sent_" + psid);

		staff.post()
			.uri(privacy + "/erase")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("page", this.page).with("psid", psid))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		assertThat(count("SELECT count(*) AS n FROM contacts WHERE psid = '" + psid + "'")).isZero();
		assertThat(count("SELECT count(*) AS n FROM outbound_messages WHERE psid = '" + psid + "'")).isZero();
		assertThat(batchBody()).doesNotContain("order 66");
		assertThat(column("SELECT action FROM audit_log WHERE action LIKE 'privacy.%' ORDER BY id"))
			.containsExactly("privacy.contact_exported", "privacy.contact_erased");

		staff.post()
			.uri(privacy + "/erase")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("page", "4799999999999").with("psid", psid))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		assertThat(column("SELECT count(*)::text FROM audit_log WHERE action = 'privacy.contact_erased'"))
			.as("a page of another tenant is refused")
			.containsExactly("1");
	}

	@Test
	void agentsAndViewersMayNeitherSeeNorUseThePrivacyPage() {
		for (Role role : List.of(Role.AGENT, Role.VIEWER)) {
			SignedInUser member = Staff.signedIn(this.context, role.label() + " " + System.nanoTime());
			this.members.admit(this.acme.id(), this.acme.name(), member, role, "test").block();
			WebTestClient client = Staff.clientOf(this.context, member);
			String privacy = "/t/" + this.acme.id().value() + "/privacy";

			client.get().uri(privacy).exchange().expectStatus().isForbidden();
			client.post()
				.uri(privacy + "/export")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("page", this.page).with("psid", "123"))
				.exchange()
				.expectStatus()
				.isForbidden();
			client.post()
				.uri(privacy + "/erase")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("page", this.page).with("psid", "123"))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(count("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'privacy.%'")).isZero();
	}

	// --- helpers

	private CurrentTenant aTenant(String name) {
		SignedInUser owner = Staff.signedIn(this.context, name + " owner " + System.nanoTime());
		return this.tenants.enter(owner, this.tenants.create(owner, name).block()).block();
	}

	private SignedInUser ownerOf(CurrentTenant tenant) {
		return new SignedInUser(tenant.userId(), tenant.userName());
	}

	private static String freshPageId() {
		return "47" + (System.nanoTime() % 10_000_000_000_000L);
	}

	private static String freshAppId() {
		return "78" + (System.nanoTime() % 10_000_000_000_000L);
	}

	private static Instant future() {
		return Instant.now().plusSeconds(3600);
	}

	static String signedRequest(String userId, String secret, Instant expires) {
		ObjectNode payload = JsonNodeFactory.instance.objectNode()
			.put("algorithm", "HMAC-SHA256")
			.put("expires", expires.getEpochSecond())
			.put("issued_at", Instant.now().getEpochSecond())
			.put("user_id", userId);
		Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
		String encoded = base64url.encodeToString(JSON.writeValueAsBytes(payload));
		byte[] signature = java.util.HexFormat.of()
			.parseHex(FacebookWebhooks.hmac("HmacSHA256", secret, encoded.getBytes(StandardCharsets.US_ASCII)));
		return base64url.encodeToString(signature) + "." + encoded;
	}

	private WebTestClient.ResponseSpec deletion(String appId, String signed) {
		return this.anonymous.post()
			.uri("/facebook/data-deletion/" + appId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("signed_request", signed))
			.exchange();
	}

	private JsonNode requestDeletion(AppId app, String signed) {
		return deletion(app.value(), signed).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private String statusPage(String code) {
		return this.anonymous.get()
			.uri("/data-deletion/" + code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private ObjectNode message(String psid, String mid, String text) {
		ObjectNode event = event(psid);
		event.putObject("message").put("mid", mid).put("text", text);
		return event;
	}

	private ObjectNode accountLinking(String psid, String account) {
		ObjectNode event = event(psid);
		event.putObject("account_linking").put("status", "linked").put("authorization_code", account);
		return event;
	}

	private ObjectNode event(String psid) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.putObject("sender").put("id", psid);
		event.putObject("recipient").put("id", this.page);
		event.put("timestamp", System.currentTimeMillis());
		return event;
	}

	private void post(AppId app, String secret, ObjectNode... events) throws Exception {
		post(app, secret, this.page, events);
	}

	private void post(AppId app, String secret, String page, ObjectNode... events) throws Exception {
		ObjectNode batch = JsonNodeFactory.instance.objectNode().put("object", "page");
		ObjectNode entry = batch.putArray("entry").addObject().put("id", page).put("time", System.currentTimeMillis());
		ArrayNode messaging = entry.putArray("messaging");
		for (ObjectNode event : events) {
			((ObjectNode) event.get("recipient")).put("id", page);
			messaging.add(event);
		}
		assertThat(new FacebookWebhooks(this.baseUrl).post(app.value(), secret, JSON.writeValueAsString(batch)))
			.isEqualTo(200);
	}

	private String batchBody() {
		return String.join("\n", column(
				"SELECT convert_from(body, 'UTF8') FROM webhook_batches WHERE app_id = '" + this.app.value() + "'"));
	}

	private String linkedAccount(String psid) {
		List<String> values = column("SELECT coalesce(linked_account, '') FROM contacts WHERE psid = '" + psid + "'");
		return (values.isEmpty() || values.get(0).isEmpty()) ? null : values.get(0);
	}

	private long count(String sql) {
		return countIn(this.acme, sql);
	}

	private long countIn(CurrentTenant tenant, String sql) {
		return this.transactions.inTenant(tenant.id(), (db) -> db.sql(sql).map((row) -> row.get(0, Long.class)).one())
			.block();
	}

	private List<String> column(String sql) {
		return this.transactions
			.inTenant(this.acme.id(), (db) -> db.sql(sql).map((row) -> row.get(0, String.class)).all().collectList())
			.block();
	}

}
