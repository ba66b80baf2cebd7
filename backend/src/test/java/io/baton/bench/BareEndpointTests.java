package io.baton.bench;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's bare endpoint reads a body no larger than a webhook's limit, so turning the
 * bench on does not open an unbounded read (L11).
 */
class BareEndpointTests {

	@Test
	void answers200ToAWebhookSizedBody() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/bench/bare/1").body("{\"object\":\"page\"}");

		assertThat(new BareEndpoint().bare(request).block().getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void refusesABodyBeyondTheLimit() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/bench/bare/1").body("x".repeat(1024 * 1024 + 1));

		assertThat(new BareEndpoint().bare(request).block().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
	}

}
