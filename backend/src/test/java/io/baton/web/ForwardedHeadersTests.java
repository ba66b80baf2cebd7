package io.baton.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that is not a configured proxy cannot make Baton build its sign-in redirect
 * for another host by sending {@code X-Forwarded-Host} (L6).
 */
@BatonTest
class ForwardedHeadersTests {

	@Value("${baton.public-url}")
	String baseUrl;

	@Test
	void aClientsForwardedHostDoesNotReachTheSignInRedirect() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/authorization/facebook"))
				.header("X-Forwarded-Host", "evil.example")
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).get().asString().doesNotContain("evil.example");
	}

}
