package io.baton.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

import io.baton.apps.ApiKeys;
import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated form fields, query parameters and path ids, thrown at every dashboard page
 * and form and every {@code /api/v1} endpoint, as the tenant's owner (session and CSRF
 * token) and as a bot (API key): whatever comes in, the answer is never a 5xx.
 */
@BatonTest
class InputFuzzTests {

	static final int ROUNDS = 8;

	static final List<String> FIELDS = List.of("name", "email", "role", "appId", "secret", "botEndpoint", "action",
			"actor", "from", "until", "before", "after", "limit", "page", "psid", "mid", "status", "code", "state",
			"confirmation", "fields", "pages", "label", "key", "enabled", "q", "sort");

	@Autowired
	ApplicationContext context;

	@Test
	void generatedInputNeverGetsA5xxFromAPageAFormOrTheApi() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		SignedInUser owner = Staff.signedIn(this.context, "Input fuzz " + seed);
		TenantManagement tenants = this.context.getBean(TenantManagement.class);
		CurrentTenant tenant = tenants.enter(owner, tenants.create(owner, "Fuzzed " + seed).block()).block();
		AppId app = Fixtures.anAppOf(this.context, tenant, "76" + (System.nanoTime() % 10_000_000_000_000L));
		Fixtures.aPageOf(this.context, tenant, app, "45" + (System.nanoTime() % 10_000_000_000_000L));
		String key = this.context.getBean(ApiKeys.class).create(tenant, app, "fuzz").block().value();
		WebTestClient staff = Staff.clientOf(this.context, owner);
		WebTestClient bot = WebTestClient.bindToApplicationContext(this.context)
			.configureClient()
			.defaultHeader("Authorization", "Bearer " + key)
			.build();

		List<String> fiveHundreds = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		JqwikSession.start(Long.toString(seed));
		try {
			Arbitrary<String> values = values();
			for (int round = 0; round < ROUNDS; round++) {
				for (Route route : routes()) {
					String path = route.path()
						.replace("{tenantId}", pick(random, tenant.id().value().toString(), values))
						.replace("{appId}", pick(random, app.value(), values))
						.replace("{pageId}", pick(random, "4500000000000", values))
						.replace("{deliveryId}", pick(random, "1", values))
						.replace("{keyId}", pick(random, UUID.randomUUID().toString(), values))
						.replace("{invitationId}", pick(random, UUID.randomUUID().toString(), values))
						.replace("{userId}", pick(random, UUID.randomUUID().toString(), values));
					MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
					for (int i = random.nextInt(5); i > 0; i--) {
						fields.add(FIELDS.get(random.nextInt(FIELDS.size())),
								values.generator(100).next(random).value());
					}
					int status = send(route.api() ? bot : staff, route.method(), path, fields);
					statuses.merge(status, 1, Integer::sum);
					if (status >= 500 && fiveHundreds.size() < 20) {
						fiveHundreds.add(route.method() + " " + path + " " + fields + " answered " + status);
					}
				}
			}
		}
		finally {
			JqwikSession.finish();
		}
		System.out.printf("Input fuzz, seed %d: statuses %s%n", seed, statuses);
		assertThat(fiveHundreds).as("requests answered 5xx (seed %d)", seed).isEmpty();
	}

	private static int send(WebTestClient client, HttpMethod method, String path,
			MultiValueMap<String, String> fields) {
		if (method == HttpMethod.GET) {
			StringBuilder query = new StringBuilder();
			fields.forEach((name,
					list) -> list.forEach((value) -> query.append(query.isEmpty() ? "?" : "&")
						.append(name)
						.append('=')
						.append(UriUtils.encode(value, StandardCharsets.UTF_8))));
			return client.get().uri(URI.create(path + query)).exchange().returnResult(byte[].class).getStatus().value();
		}
		return client.method(method)
			.uri(URI.create(path))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

	/**
	 * The tenant's own id most of the time; otherwise something generated, path-encoded.
	 */
	private static String pick(Random random, String valid, Arbitrary<String> values) {
		return (random.nextInt(3) > 0) ? valid
				: UriUtils.encodePathSegment(values.generator(100).next(random).value(), StandardCharsets.UTF_8);
	}

	private static Arbitrary<String> values() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
				Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
				Arbitraries.strings().numeric().ofMaxLength(25), Arbitraries.longs().map(String::valueOf),
				Arbitraries.of("", " ", "-1", "0", "99999999999999999999999", "1e309", "NaN", "null", "true",
						"2026-13-45", "2026-12-03", "../../etc/passwd", "%00", "'; DROP TABLE apps; --",
						"<script>alert(1)</script>", "http://169.254.169.254/latest/meta-data",
						"https://bot.example.com/hook", "file:///etc/passwd", "javascript:alert(1)", "//evil.example",
						"owner", "admin", "viewer", "delivered", "dead", "pending", "a@b.c", "x".repeat(5000), "\u0000",
						"😀", "\uD800"));
	}

	private static List<Route> routes() {
		return List.of(get("/t/{tenantId}"), get("/t/{tenantId}/apps"), post("/t/{tenantId}/apps"),
				get("/t/{tenantId}/apps/{appId}"), get("/t/{tenantId}/apps/{appId}/connect"),
				post("/t/{tenantId}/apps/{appId}/connect/pages"),
				post("/t/{tenantId}/apps/{appId}/dead-letters/replay"), get("/t/{tenantId}/apps/{appId}/deliveries"),
				get("/t/{tenantId}/apps/{appId}/deliveries/{deliveryId}"),
				post("/t/{tenantId}/apps/{appId}/deliveries/{deliveryId}/replay"),
				post("/t/{tenantId}/apps/{appId}/endpoint/enable"), get("/t/{tenantId}/apps/{appId}/health"),
				post("/t/{tenantId}/apps/{appId}/keys"), post("/t/{tenantId}/apps/{appId}/keys/{keyId}/revoke"),
				post("/t/{tenantId}/apps/{appId}/pages/{pageId}/disconnect"),
				post("/t/{tenantId}/apps/{appId}/settings"), post("/t/{tenantId}/apps/{appId}/subscribe"),
				post("/t/{tenantId}/apps/{appId}/test-event"), get("/t/{tenantId}/audit"),
				post("/t/{tenantId}/invitations"), post("/t/{tenantId}/invitations/{invitationId}/resend"),
				post("/t/{tenantId}/invitations/{invitationId}/revoke"), get("/t/{tenantId}/members"),
				post("/t/{tenantId}/members/{userId}/remove"), post("/t/{tenantId}/members/{userId}/role"),
				post("/t/{tenantId}/members/{userId}/transfer"), get("/t/{tenantId}/pages"),
				get("/t/{tenantId}/privacy"), post("/t/{tenantId}/privacy/erase"), post("/t/{tenantId}/rename"),
				get("/t/{tenantId}/settings"), post("/tenants"), get("/tenants/new"),
				get("/invitations/{invitationId}"), post("/invitations/{invitationId}/accept"),
				get("/data-deletion/{invitationId}"), get("/api/v1/tenants/{tenantId}/apps/{appId}/deliveries"),
				api(HttpMethod.GET, "/api/v1/apps/{appId}/deliveries"),
				api(HttpMethod.GET, "/api/v1/deliveries/{deliveryId}"),
				api(HttpMethod.POST, "/api/v1/deliveries/{deliveryId}/replay"),
				api(HttpMethod.POST, "/api/v1/apps/{appId}/dead-letters/replay"),
				api(HttpMethod.GET, "/api/v1/apps/{appId}/endpoint"));
	}

	private static Route get(String path) {
		return new Route(HttpMethod.GET, path, false);
	}

	private static Route post(String path) {
		return new Route(HttpMethod.POST, path, false);
	}

	private static Route api(HttpMethod method, String path) {
		return new Route(method, path, true);
	}

	record Route(HttpMethod method, String path, boolean api) {
	}

}
