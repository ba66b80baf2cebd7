package io.baton.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.baton.secrets.Secret;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Graph client against a plain HTTP server that answers as Graph does, including its
 * errors, and against one that never answers.
 */
class GraphClientTests {

	HttpServer graph;

	final AtomicReference<String> lastQuery = new AtomicReference<>();

	final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "{}"));

	final CountDownLatch release = new CountDownLatch(1);

	record Answer(int status, String body) {
	}

	@BeforeEach
	void aGraphServer() throws IOException {
		this.graph = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.graph.createContext("/", (exchange) -> {
			this.lastQuery.set(exchange.getRequestURI().getRawQuery());
			Answer next = this.answer.get();
			if (next.status() == 0) {
				awaitRelease();
			}
			byte[] body = next.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(Math.max(next.status(), 200), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.graph.start();
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.graph.stop(0);
	}

	@Test
	void readsGraphsErrorObjectWithCodeSubcodeAndTraceId() {
		this.answer.set(new Answer(400, """
				{"error": {"message": "Error validating access token: Session has expired on Tuesday",
				 "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "AbC123"}}"""));

		assertThatThrownBy(
				() -> client(Duration.ofSeconds(5)).app(new AppId("123"), new Secret("token"), new Secret("secret"))
					.block())
			.isInstanceOfSatisfying(GraphFailure.class, (failure) -> {
				assertThat(failure.code()).isEqualTo(190);
				assertThat(failure.subcode()).isEqualTo(463);
				assertThat(failure.traceId()).isEqualTo("AbC123");
				assertThat(failure.kind()).isEqualTo(GraphFailure.Kind.TOKEN_INVALID);
			});
	}

	@Test
	void signsEveryCallWithAppsecretProofAndEncodesParametersStrictly() {
		this.answer.set(new Answer(200, "{\"access_token\": \"123|abc\", \"token_type\": \"bearer\"}"));

		Secret token = client(Duration.ofSeconds(5)).appToken(new AppId("123"), new Secret("s+cr|t")).block();

		assertThat(token.value()).isEqualTo("123|abc");
		assertThat(this.lastQuery.get()).contains("client_secret=s%2Bcr%7Ct").contains("grant_type=client_credentials");
	}

	@Test
	void anAnswerThatIsNotGraphsIsATransientFailure() {
		this.answer.set(new Answer(502, "<html>Bad gateway</html>"));

		assertThatThrownBy(() -> client(Duration.ofSeconds(5)).appToken(new AppId("1"), new Secret("x")).block())
			.isInstanceOfSatisfying(GraphFailure.class, (failure) -> {
				assertThat(failure.status()).isEqualTo(502);
				assertThat(failure.kind()).isEqualTo(GraphFailure.Kind.TRANSIENT);
			});
	}

	@Test
	void aGraphThatDoesNotAnswerTimesOut() {
		this.answer.set(new Answer(0, "{}"));

		assertThatThrownBy(() -> client(Duration.ofMillis(300)).appToken(new AppId("1"), new Secret("x")).block())
			.isInstanceOfSatisfying(GraphFailure.class,
					(failure) -> assertThat(failure.kind()).isEqualTo(GraphFailure.Kind.TRANSIENT))
			.hasMessageContaining("did not answer");
	}

	@Test
	void classifiesByCodeAndSubcodeNeverByMessage() {
		assertThat(failure(4, null).kind()).isEqualTo(GraphFailure.Kind.RATE_LIMITED);
		assertThat(failure(32, null).kind()).isEqualTo(GraphFailure.Kind.RATE_LIMITED);
		assertThat(failure(613, null).kind()).isEqualTo(GraphFailure.Kind.RATE_LIMITED);
		assertThat(failure(1200, 2018024).kind()).isEqualTo(GraphFailure.Kind.TRANSIENT);
		assertThat(failure(2, null).kind()).isEqualTo(GraphFailure.Kind.TRANSIENT);
		assertThat(failure(10, 2018278).kind()).isEqualTo(GraphFailure.Kind.WINDOW_CLOSED);
		assertThat(failure(100, 2018001).kind()).isEqualTo(GraphFailure.Kind.UNKNOWN_RECIPIENT);
		assertThat(failure(200, null).kind()).isEqualTo(GraphFailure.Kind.PERMISSION_MISSING);
		assertThat(failure(190, 460).kind()).isEqualTo(GraphFailure.Kind.TOKEN_INVALID);
		assertThat(failure(4, 2018354).kind()).as("recurring notification too soon")
			.isEqualTo(GraphFailure.Kind.REJECTED);
		assertThat(failure(100, null).kind()).isEqualTo(GraphFailure.Kind.REJECTED);
	}

	private static GraphFailure failure(int code, Integer subcode) {
		return new GraphFailure(400, code, subcode, "(#" + code + ") whatever the text says", null);
	}

	private GraphClient client(Duration timeout) {
		GraphSettings settings = new GraphSettings(URI.create("http://127.0.0.1:" + this.graph.getAddress().getPort()),
				"v24.0", timeout, 100);
		return new GraphClient(WebClient.builder(), settings, JsonMapper.builder().build());
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
