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
 * With the bench off (always, outside a benchmark), {@code /bench/**} has no exemption:
 * it is neither public nor free of CSRF, like any other unknown path (L11).
 */
@BatonTest
class BenchAbsentTests {

	@Value("${baton.public-url}")
	String baseUrl;

	@Test
	void anAnonymousPostToTheBenchIsRefusedByTheDashboardsChain() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/bench/bare/1"))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(403);
	}

}
