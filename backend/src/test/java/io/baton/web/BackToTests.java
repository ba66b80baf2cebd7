package io.baton.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rejected form goes back to the page it came from, on Baton's own origin only: a
 * protocol-relative path ({@code //evil.example}) would leave it (L3).
 */
class BackToTests {

	@Test
	void goesBackToTheSameOriginPageTheFormWasOn() {
		assertThat(ErrorPages.backTo(fromReferer("https://baton.example/t/1/apps?x=1"))).isEqualTo("/t/1/apps?x=1");
	}

	@Test
	void neverAnswersAProtocolRelativePath() {
		assertThat(ErrorPages.backTo(fromReferer("https://baton.example//evil.example/x"))).isEqualTo("/");
		assertThat(ErrorPages.backTo(fromReferer("https://baton.example/%5Cevil.example/x"))).doesNotStartWith("//")
			.doesNotStartWith("/\\");
		assertThat(ErrorPages.backTo(fromReferer("//evil.example/x"))).isEqualTo("/");
	}

	@Test
	void ignoresAnotherOrigin() {
		assertThat(ErrorPages.backTo(fromReferer("https://evil.example/t/1"))).isEqualTo("/");
	}

	private static MockServerWebExchange fromReferer(String referer) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.post("https://baton.example/t/1/apps").header("Referer", referer));
	}

}
