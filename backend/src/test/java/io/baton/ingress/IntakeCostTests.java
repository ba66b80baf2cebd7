package io.baton.ingress;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import io.baton.apps.ApiKeys;
import io.baton.graph.AppId;
import io.baton.ingress.WebhookBatches.Batch;
import io.baton.platform.DatabaseSettings;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonLimitsTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.GroundTruth;
import io.baton.testing.Staff;
import io.baton.testing.TestHttp;
import io.baton.testing.WebhookBodies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a request to the public webhook endpoint may cost (M3, M6), over real HTTP with
 * small limits: refusals are counted per minute, not written one row each; an address or
 * an app past its refusals gets 429 while correctly signed batches still get 200; nothing
 * is read of a body that is refused by its headers; bodies being read and batches waiting
 * for a commit are bounded in bytes; the optional limit on an app's signed batches shows
 * on its health page. Loopback is a trusted proxy here, so {@code X-Forwarded-For} plays
 * the client address.
 */
@BatonLimitsTest
class IntakeCostTests {

	private static final AtomicInteger addresses = new AtomicInteger();

	private static final String BATCH = WebhookBodies.batch("1", WebhookBodies.message("1", "2", "m_1", "hi"));

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	GroupCommit groupCommit;

	@Autowired
	DatabaseSettings database;

	@Value("${baton.public-url}")
	String baseUrl;

	final HttpClient http = TestHttp.client();

	CurrentTenant acme;

	AppId app;

	@BeforeEach
	void aTenantWithAnApp() {
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "66" + (System.nanoTime() % 10_000_000_000_000L));
	}

	@Test
	void junkPostsAreCountedPerMinuteNotWrittenARowEach() {
		for (int i = 0; i < 30; i++) {
			post(anAddress(), BATCH, null);
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(refusalCounts()).as("requests counted").isEqualTo(30));
		assertThat(refusalRows()).as("rows: a reason's minute each").isLessThanOrEqualTo(4);
		assertThat(appPage()).contains("<code>missing_signature</code> <span>20</span>")
			.contains("<code>rate_limited</code> <span>10</span>");
	}

	@Test
	void anAddressPastItsRefusalsGets429WhileItsSignedBatchesStillGet200() {
		String address = anAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(post(address, BATCH, null).statusCode()).isEqualTo(403);
		}

		HttpResponse<String> limited = post(address, BATCH, null);
		HttpResponse<String> signed = post(address, BATCH, signature(BATCH));
		HttpResponse<String> unknownApp = post(address, "12345", BATCH, signature(BATCH));
		HttpResponse<String> elsewhere = post(anAddress(), BATCH, null);

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(signed.statusCode()).isEqualTo(200);
		assertThat(unknownApp.statusCode()).isEqualTo(429);
		assertThat(elsewhere.statusCode()).isEqualTo(403);
	}

	@Test
	void anAppPastItsRefusalsGets429FromEveryAddressWhileItsSignedBatchesStillGet200() {
		for (int i = 0; i < 20; i++) {
			assertThat(post(anAddress(), BATCH, null).statusCode()).isEqualTo(403);
		}

		assertThat(post(anAddress(), BATCH, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(429);
		assertThat(post(anAddress(), BATCH, signature(BATCH)).statusCode()).isEqualTo(200);
	}

	@Test
	void aBodyRefusedByItsHeadersIsNotWaitedFor() throws Exception {
		String signed = "X-Hub-Signature-256: " + signature(BATCH) + "\r\n";

		assertThat(statusOfAPostWhoseBodyNeverComes("/webhooks/12345" + System.nanoTime() % 1000, signed, 1000))
			.as("unknown app")
			.isEqualTo(404);
		assertThat(statusOfAPostWhoseBodyNeverComes("/webhooks/" + this.app, "", 1000)).as("no signature")
			.isEqualTo(403);
		assertThat(statusOfAPostWhoseBodyNeverComes("/webhooks/" + this.app, signed, 10_000_000))
			.as("Content-Length over the limit")
			.isEqualTo(413);
	}

	@Test
	void bodiesBeingReadAreBoundedInBytes() throws Exception {
		String signed = "X-Hub-Signature-256: " + signature(BATCH) + "\r\n";
		List<Socket> stalled = new ArrayList<>();
		try {
			stalled.add(aPostWhoseBodyNeverComes("/webhooks/" + this.app, signed, 1_000_000));
			stalled.add(aPostWhoseBodyNeverComes("/webhooks/" + this.app, signed, 1_000_000));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> statusOfAPostWhoseBodyNeverComes("/webhooks/" + this.app, signed, 1_000_000) == 503);
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}

		await().atMost(Duration.ofSeconds(20))
			.until(() -> post(anAddress(), BATCH, signature(BATCH)).statusCode() == 200);
	}

	@Test
	void batchesWaitingForACommitAreBoundedInBytes() throws Exception {
		byte[] hundredKilobytes = WebhookBodies.batch("1", WebhookBodies.message("1", "2", "m_1", "x".repeat(100_000)))
			.getBytes(StandardCharsets.UTF_8);
		List<Throwable> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Long> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Disposable> requests = new ArrayList<>();
		try (Connection holder = GroundTruth.connect(this.database); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE baton.webhook_batches IN EXCLUSIVE MODE");
			try {
				for (int i = 0; i < 30; i++) {
					requests.add(this.groupCommit.store(new Batch(this.acme.id(), this.app, hundredKilobytes, 1))
						.subscribe(stored::add, refused::add));
				}

				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(refused).hasSizeGreaterThan(10));
				assertThat(refused).allSatisfy((ex) -> assertThat(ex).isInstanceOf(BatchesNotStored.class));
			}
			finally {
				holder.rollback();
			}
		}

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stored.size() + refused.size()).isEqualTo(30));
		assertThat(stored).as("what waited within the bound is stored").hasSizeBetween(2, 12);
		requests.forEach(Disposable::dispose);
	}

	@Test
	void anAppPastItsLimitOnSignedBatchesGets429AndItsHealthPageSaysSo() {
		for (int i = 0; i < 10; i++) {
			assertThat(post(anAddress(), BATCH, signature(BATCH)).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> overTheLimit = post(anAddress(), BATCH, signature(BATCH));

		assertThat(overTheLimit.statusCode()).isEqualTo(429);
		assertThat(overTheLimit.headers().firstValue("Retry-After")).isPresent();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(healthPage()).contains("id=\"signed-rate-limited\"")
				.contains("<strong>1</strong> correctly signed batches"));
	}

	@Test
	void anAddressGuessingApiKeysGets429BeforeItsKeysAreLookedUpWhileOtherAddressesGoOn() {
		String key = this.context.getBean(ApiKeys.class).create(this.acme, this.app, "bot").block().value();
		String guesser = anAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(apiGet(guesser, "bk_guess" + i).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> limited = apiGet(guesser, key);
		HttpResponse<String> elsewhere = apiGet(anAddress(), key);

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(elsewhere.statusCode()).isEqualTo(200);
	}

	@Test
	void anAddressGuessingKeysAtTheBotApiGetsGraphsRateLimitBeforeAnyLookup() {
		String guesser = anAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(graphGet(guesser, "bk_guess" + i).body()).contains("\"code\":190");
		}

		HttpResponse<String> limited = graphGet(guesser, "bk_guess5");
		HttpResponse<String> elsewhere = graphGet(anAddress(), "bk_guess6");

		assertThat(limited.body()).contains("\"code\":4").contains("Application request limit reached");
		assertThat(elsewhere.body()).contains("\"code\":190");
	}

	private HttpResponse<String> graphGet(String address, String key) {
		return TestHttp.send(this.http,
				TestHttp.request(URI.create(this.baseUrl + "/graph/v19.0/me?access_token=" + key))
					.header("X-Forwarded-For", address)
					.GET()
					.build());
	}

	private HttpResponse<String> apiGet(String address, String key) {
		return TestHttp.send(this.http,
				TestHttp.request(URI.create(this.baseUrl + "/api/v1/apps/" + this.app + "/endpoint"))
					.header("Authorization", "Bearer " + key)
					.header("X-Forwarded-For", address)
					.GET()
					.build());
	}

	private static String anAddress() {
		int n = addresses.incrementAndGet();
		return "198.51." + (n / 250) + "." + (1 + n % 250);
	}

	private HttpResponse<String> post(String address, String body, String signature) {
		return post(address, this.app.value(), body, signature);
	}

	private HttpResponse<String> post(String address, String appId, String body, String signature) {
		HttpRequest.Builder request = TestHttp.request(URI.create(this.baseUrl + "/webhooks/" + appId))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Hub-Signature-256", signature);
		}
		return TestHttp.send(this.http, request.build());
	}

	private String signature(String body) {
		return "sha256="
				+ FacebookWebhooks.hmac("HmacSHA256", "secret-of-" + this.app, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends the headers of a POST and never its body; answers the status line's code. */
	private int statusOfAPostWhoseBodyNeverComes(String path, String headers, long contentLength) throws Exception {
		try (Socket socket = aPostWhoseBodyNeverComes(path, headers, contentLength)) {
			socket.setSoTimeout(5_000);
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	private Socket aPostWhoseBodyNeverComes(String path, String headers, long contentLength) throws Exception {
		URI base = URI.create(this.baseUrl);
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
		OutputStream out = socket.getOutputStream();
		out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
				+ "\r\nContent-Type: application/json\r\nX-Forwarded-For: " + anAddress() + "\r\nContent-Length: "
				+ contentLength + "\r\n" + headers + "\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return socket;
	}

	private long refusalCounts() {
		return this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT coalesce(sum(count), 0)::bigint FROM webhook_refusals WHERE app_id = :app")
						.bind("app", this.app.value())
						.map((row) -> row.get(0, Long.class))
						.one())
			.block();
	}

	private long refusalRows() {
		return this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT count(*) FROM webhook_refusals WHERE app_id = :app")
						.bind("app", this.app.value())
						.map((row) -> row.get(0, Long.class))
						.one())
			.block();
	}

	private String appPage() {
		return page("/t/" + this.acme.id() + "/apps/" + this.app);
	}

	private String healthPage() {
		return page("/t/" + this.acme.id() + "/apps/" + this.app + "/health");
	}

	private String page(String path) {
		return Staff.clientOf(this.context, new SignedInUser(this.acme.userId(), this.acme.userName()))
			.get()
			.uri(path)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
