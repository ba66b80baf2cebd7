package io.baton.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.PageConnections;
import io.baton.testing.Staff;
import io.baton.testing.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook intake over real HTTP, with signatures made by a plain JDK HMAC: what is
 * answered 200 is in the database byte for byte; every refusal is a clear 4xx, counted
 * with its reason; and a message typed in the sandbox arrives end to end.
 */
@BatonTest
class WebhookIntakeTests {

	private static final String BATCH = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":"
			+ "[{\"sender\":{\"id\":\"2\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":1,"
			+ "\"message\":{\"mid\":\"m_1\",\"text\":\"Gr\\u00fc\\u00dfe \\ud83d\\udc4b\"}}]}]}";

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	IngressSettings ingress;

	@Value("${baton.public-url}")
	String baseUrl;

	final HttpClient http = TestHttp.client();

	CurrentTenant acme;

	AppId app;

	@BeforeEach
	void aTenantWithAnApp() {
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "88" + (System.nanoTime() % 10_000_000_000_000L));
	}

	@Test
	void aSignedBatchIsCommittedByteForByteBeforeThe200() throws Exception {
		byte[] body = BATCH.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> answer = post(this.app.value(), body, "sha256=" + hmac("HmacSHA256", body));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("EVENT_RECEIVED");
		assertThat(storedBodies()).singleElement().isEqualTo(BATCH);
	}

	@Test
	void everyRefusalIsAClear4xxRecordedWithItsReason() throws Exception {
		byte[] body = BATCH.getBytes(StandardCharsets.UTF_8);
		byte[] notJson = "{\"object\":\"page\"".getBytes(StandardCharsets.UTF_8);
		byte[] oneByteTooLarge = ("{\"object\":\"page\",\"entry\":[],\"pad\":\""
				+ "x".repeat((int) this.ingress.maxBodySize().toBytes() - 36) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(post(this.app.value(), body, null).statusCode()).isEqualTo(403);
		assertThat(post(this.app.value(), body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(403);
		assertThat(post(this.app.value(), body, "sha1=" + hmac("HmacSHA1", body)).statusCode()).as("SHA-1 alone")
			.isEqualTo(403);
		assertThat(post(this.app.value(), notJson, "sha256=" + hmac("HmacSHA256", notJson)).statusCode())
			.isEqualTo(400);
		assertThat(oneByteTooLarge).hasSize((int) this.ingress.maxBodySize().toBytes() + 1);
		assertThat(
				post(this.app.value(), oneByteTooLarge, "sha256=" + hmac("HmacSHA256", oneByteTooLarge)).statusCode())
			.isEqualTo(413);
		assertThat(post("12345", body, "sha256=" + hmac("HmacSHA256", body)).statusCode()).isEqualTo(404);
		assertThat(post("not-an-app", body, null).statusCode()).isEqualTo(404);

		assertThat(storedBodies()).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(refusalsByReason()).containsEntry("missing_signature", 2L)
				.containsEntry("bad_signature", 1L)
				.containsEntry("malformed_json", 1L)
				.containsEntry("too_large", 1L)
				.hasSize(4));
		String appPage = Staff.clientOf(this.context, owner())
			.get()
			.uri("/t/" + this.acme.id() + "/apps/" + this.app)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(appPage).contains("<code>bad_signature</code> <span>1</span>")
			.contains("<code>missing_signature</code> <span>2</span>");
	}

	private java.util.Map<String, Long> refusalsByReason() {
		return this.transactions
			.inTenantMany(this.acme.id(),
					(db) -> db.sql("SELECT reason, sum(count)::bigint FROM webhook_refusals GROUP BY reason")
						.map((row) -> java.util.Map.entry(row.get(0, String.class), row.get(1, Long.class)))
						.all())
			.collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)
			.block();
	}

	@Test
	void aMessageTypedInTheSandboxArrivesSignedAndIsStored() {
		SandboxWorld world = new SandboxWorld(this.environment);
		SandboxConsole console = new SandboxConsole(world);
		PageConnections connections = new PageConnections(world, Staff.clientOf(this.context, owner()), this.acme);
		String person = console.person("Paula " + System.nanoTime());
		String page = console.page("Acme Shoes", person);
		JsonNode facebookApp = connections.aFacebookApp("Acme Bot");
		connections.register(facebookApp.path("id").asString(), facebookApp.path("secret").asString());
		connections.connect(facebookApp.path("id").asString(), person, PageConnections.PAGE_PERMISSIONS, List.of(page));
		String customer = console.person("Carl Customer " + System.nanoTime());

		console.api("POST", "/sandbox/api/messenger/pages/" + page + "/people/" + customer + "/message",
				"{\"text\": \"Do you have croissants? \u00e7a va\"}");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> storedBodies().stream().anyMatch((body) -> body.contains("croissants")));
		assertThat(storedBodies()).filteredOn((body) -> body.contains("croissants"))
			.singleElement()
			.satisfies((body) -> assertThat(body).contains("\\u00e7a va").contains("\"object\":\"page\""));
	}

	private SignedInUser owner() {
		return new SignedInUser(this.acme.userId(), this.acme.userName());
	}

	private List<String> storedBodies() {
		return this.transactions
			.inTenantMany(this.acme.id(),
					(db) -> db.sql("SELECT body FROM webhook_batches ORDER BY id")
						.map((row) -> new String(bytes(row.get(0)), StandardCharsets.UTF_8))
						.all())
			.collectList()
			.block();
	}

	private static byte[] bytes(Object column) {
		if (column instanceof java.nio.ByteBuffer buffer) {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		return (byte[]) column;
	}

	private HttpResponse<String> post(String appId, byte[] body, String signature) throws Exception {
		HttpRequest.Builder request = TestHttp.request(URI.create(this.baseUrl + "/webhooks/" + appId))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header(signature.startsWith("sha1=") ? "X-Hub-Signature" : "X-Hub-Signature-256", signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String hmac(String algorithm, byte[] body) {
		return FacebookWebhooks.hmac(algorithm, "secret-of-" + this.app.value(), body);
	}

}
