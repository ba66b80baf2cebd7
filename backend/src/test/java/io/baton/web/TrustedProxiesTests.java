package io.baton.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-*} and {@code Forwarded} change the scheme and host Baton believes
 * it is reached at (the session cookie's {@code Secure} flag, same-origin checks, the
 * OAuth2 redirect URI): they count only from a configured proxy (L6).
 */
class TrustedProxiesTests {

	private static final TrustedProxies CLUSTER = new TrustedProxies(new WebSettings(List.of("10.0.0.0/8")));

	@Test
	void honoursForwardedHeadersFromATrustedProxy() {
		URI seen = filtered(CLUSTER, "10.1.2.3");

		assertThat(seen.getScheme()).isEqualTo("https");
		assertThat(seen.getHost()).isEqualTo("baton.example.com");
	}

	@Test
	void dropsForwardedHeadersFromAnyoneElse() {
		URI seen = filtered(CLUSTER, "203.0.113.9");

		assertThat(seen.getScheme()).isEqualTo("http");
		assertThat(seen.getHost()).isEqualTo("internal");
	}

	@Test
	void trustsNobodyByDefault() {
		URI seen = filtered(new TrustedProxies(new WebSettings(List.of())), "127.0.0.1");

		assertThat(seen.getHost()).isEqualTo("internal");
	}

	private static URI filtered(TrustedProxies filter, String from) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://internal:8080/x")
			.remoteAddress(new InetSocketAddress(from, 40000))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "baton.example.com")
			.header("X-Forwarded-Port", "443"));
		AtomicReference<ServerWebExchange> passed = new AtomicReference<>();
		filter.filter(exchange, (next) -> {
			passed.set(next);
			return Mono.empty();
		}).block();
		assertThat(passed.get().getRequest().getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
		return passed.get().getRequest().getURI();
	}

}
