package io.baton.graph;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import io.baton.secrets.Secret;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graph answering nonsense: every call of Baton's Graph client, given generated answers
 * (any status, JSON of the wrong shape, values of the wrong type, not JSON at all),
 * either succeeds or fails with a {@link GraphFailure}, never another exception that
 * would surface as a 500.
 */
class GraphAnswersFuzzTests {

	static final int ANSWERS = 300;

	final AtomicReference<Answer> next = new AtomicReference<>(new Answer(200, "{}"));

	DisposableServer server;

	GraphClient graph;

	record Answer(int status, String body) {
	}

	@BeforeEach
	void aGraphThatSaysAnything() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.then(Mono.defer(() -> response.status(this.next.get().status())
					.header("Content-Type", "application/json")
					.sendString(Mono.just(this.next.get().body()))
					.then())))
			.bindNow();
		GraphSettings settings = new GraphSettings(URI.create("http://127.0.0.1:" + this.server.port()), "v24.0",
				Duration.ofSeconds(5), 100);
		this.graph = new GraphClient(WebClient.builder(), settings, JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void everyCallSucceedsOrFailsAsAGraphFailureWhateverGraphAnswers() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Secret token = new Secret("token");
		Secret secret = new Secret("secret");
		AppId app = new AppId("1000000000000001");
		PageId page = new PageId("4600000000001");
		FacebookLogin login = new FacebookLogin(this.graph,
				new GraphSettings(URI.create("http://127.0.0.1"), "v24.0", Duration.ofSeconds(5), 100));
		Map<String, Function<Integer, Mono<?>>> calls = new TreeMap<>(Map.of("appToken",
				(i) -> this.graph.appToken(app, secret), "app", (i) -> this.graph.app(app, token, secret),
				"appSubscriptions", (i) -> this.graph.appSubscriptions(app, token, secret), "subscribedApps",
				(i) -> new PageGraph(this.graph).subscribedApps(page, token, secret), "debugToken",
				(i) -> new TokenDebugger(this.graph).inspect(token, token, secret), "exchangeCode",
				(i) -> login.exchangeCode(app, secret, "https://baton.example/cb", "code"), "permissions",
				(i) -> login.permissions(token, secret), "accounts",
				(i) -> login.accounts(token, secret).collectList()));
		List<String> escaped = new ArrayList<>();
		JqwikSession.start(Long.toString(seed));
		try {
			Arbitrary<Answer> answers = answers();
			for (int i = 0; i < ANSWERS; i++) {
				Answer answer = answers.generator(100).next(random).value();
				this.next.set(answer);
				for (Map.Entry<String, Function<Integer, Mono<?>>> call : calls.entrySet()) {
					try {
						call.getValue().apply(i).block(Duration.ofSeconds(10));
					}
					catch (GraphFailure expected) {
						// what Baton knows how to show
					}
					catch (RuntimeException ex) {
						if (escaped.size() < 20) {
							escaped.add(call.getKey() + " given " + answer.status() + " " + shorten(answer.body())
									+ " threw " + ex);
						}
					}
				}
			}
		}
		finally {
			JqwikSession.finish();
		}
		assertThat(escaped).as("failures other than GraphFailure (seed %d)", seed).isEmpty();
	}

	private static Arbitrary<Answer> answers() {
		Arbitrary<Integer> status = Arbitraries.of(200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 429, 500, 502,
				503);
		Arbitrary<String> scalar = Arbitraries.oneOf(
				Arbitraries.strings().ofMaxLength(20).map(JsonMapper.builder().build()::writeValueAsString),
				Arbitraries.of("null", "true", "0", "-1", "1e309", "12345678901234567890", "[]", "{}", "\"\"", "[1,2]",
						"{\"a\":1}"));
		Arbitrary<String> field = Arbitraries.of("access_token", "expires_in", "token_type", "id", "name", "data",
				"error", "message", "code", "error_subcode", "fbtrace_id", "paging", "next", "cursors", "after",
				"subscribed_fields", "callback_url", "fields", "active", "object", "permission", "status", "is_valid",
				"app_id", "user_id", "scopes", "granular_scopes", "target_ids", "expires_at", "data_access_expires_at",
				"issued_at", "type", "category", "tasks");
		Arbitrary<String> flat = Arbitraries.maps(field, scalar).ofMaxSize(8).map(GraphAnswersFuzzTests::object);
		Arbitrary<String> nested = Arbitraries
			.maps(field, Arbitraries.oneOf(scalar, flat, flat.map((o) -> "[" + o + "]")))
			.ofMaxSize(6)
			.map(GraphAnswersFuzzTests::object);
		Arbitrary<String> body = Arbitraries.oneOf(flat, nested,
				nested.map((o) -> "{\"data\":[" + o + "],\"paging\":{\"next\":\"http://127.0.0.1:1/x\"}}"),
				nested.map((o) -> "{\"error\":" + o + "}"), nested.map((o) -> "{\"data\":" + o + "}"),
				Arbitraries.strings().ofMaxLength(100), Arbitraries.of("", "<html>", "{\"data\":[null,1,\"x\"]}"));
		return status.flatMap((code) -> body.map((text) -> new Answer(code, text)));
	}

	private static String object(Map<String, String> fields) {
		StringBuilder json = new StringBuilder("{");
		fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
			.append('"')
			.append(name)
			.append("\":")
			.append(value));
		return json.append('}').toString();
	}

	private static String shorten(String text) {
		return (text.length() > 120) ? text.substring(0, 120) + "…" : text;
	}

}
