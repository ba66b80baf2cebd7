package io.baton.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.sessions.JqwikSession;

import io.baton.fuzz.WebhookCases.Case;
import io.baton.fuzz.WebhookCases.Kind;
import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Throws generated webhooks at a running Baton, in a tenant of their own, and checks what
 * must hold for every one: never a 5xx; each kind gets the answer it may get; every
 * request answered 200 is stored, and every stored batch is routed (nothing stuck).
 */
final class WebhookFuzz {

	private static final Map<Kind, Set<Integer>> ALLOWED = new EnumMap<>(
			Map.of(Kind.GOOD, Set.of(200), Kind.ODD, Set.of(200, 400), Kind.MALFORMED, Set.of(400), Kind.DEEP,
					Set.of(200, 400), Kind.HUGE, Set.of(413), Kind.UNSIGNED, Set.of(403)));

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ApplicationContext context;

	private final String baseUrl;

	WebhookFuzz(ApplicationContext context, String baseUrl) {
		this.context = context;
		this.baseUrl = baseUrl;
	}

	/**
	 * Sends {@code count} generated requests from {@code seed}; answers what came back.
	 */
	Map<Kind, Map<Integer, Integer>> run(long seed, int count) throws Exception {
		SignedInUser owner = Staff.signedIn(this.context, "Fuzz " + seed + " " + System.nanoTime());
		TenantManagement tenants = this.context.getBean(TenantManagement.class);
		CurrentTenant tenant = tenants.enter(owner, tenants.create(owner, "Fuzz " + seed).block()).block();
		AppId app = Fixtures.anAppOf(this.context, tenant, "77" + (System.nanoTime() % 10_000_000_000_000L));
		String page = "46" + (System.nanoTime() % 10_000_000_000_000L);
		Fixtures.aPageOf(this.context, tenant, app, page);
		WebhookCases cases = new WebhookCases(seed, page, "secret-of-" + app.value());
		JqwikSession.start(Long.toString(seed));
		try {
			return sendAndCheck(seed, count, tenant, app, cases);
		}
		finally {
			JqwikSession.finish();
		}
	}

	private Map<Kind, Map<Integer, Integer>> sendAndCheck(long seed, int count, CurrentTenant tenant, AppId app,
			WebhookCases cases) throws Exception {

		Map<Kind, Map<Integer, Integer>> answers = new EnumMap<>(Kind.class);
		Map<String, String> wrong = new java.util.TreeMap<>();
		Map<Kind, Long> millis = new EnumMap<>(Kind.class);
		int stored = 0;
		for (int i = 0; i < count; i++) {
			Case sent = cases.next();
			long started = System.nanoTime();
			int status = post(app, sent);
			millis.merge(sent.kind(), (System.nanoTime() - started) / 1_000_000, Long::sum);
			answers.computeIfAbsent(sent.kind(), (kind) -> new java.util.TreeMap<>()).merge(status, 1, Integer::sum);
			if (status == 200) {
				stored++;
			}
			if (!ALLOWED.get(sent.kind()).contains(status)) {
				wrong.putIfAbsent(sent.kind() + " (" + sent.description() + ") answered " + status, "first #" + i);
			}
		}
		System.out.printf("Webhook fuzz, seed %d: answers %s; milliseconds by kind %s%n", seed, answers, millis);
		assertThat(wrong).as("requests answered outside what their kind allows (seed %d)", seed).isEmpty();

		TenantTransactions transactions = this.context.getBean(TenantTransactions.class);
		long expected = stored;
		assertThat(count(transactions, tenant, "SELECT count(*) FROM webhook_batches"))
			.as("every request answered 200 is stored (seed %d)", seed)
			.isEqualTo(expected);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(
					count(transactions, tenant, "SELECT count(*) FROM webhook_batches WHERE routed_at IS NULL"))
				.as("stored batches still unrouted (seed %d)", seed)
				.isZero());
		return answers;
	}

	private int post(AppId app, Case sent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/webhooks/" + app.value()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(sent.body()));
		if (sent.signature() != null) {
			request.header("X-Hub-Signature-256", sent.signature());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static long count(TenantTransactions transactions, CurrentTenant tenant, String sql) {
		return transactions.inTenant(tenant.id(), (db) -> db.sql(sql).map((row) -> row.get(0, Long.class)).one())
			.block();
	}

}
