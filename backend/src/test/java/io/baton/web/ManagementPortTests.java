package io.baton.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a management port (the Helm chart's 8081, Prometheus's scrape target), metrics are
 * served there and still refused on the application port. A context of its own, closed
 * after the class.
 */
@BatonTest(properties = "management.server.port=0")
@DirtiesContext
class ManagementPortTests {

	@Value("${baton.public-url}")
	String baseUrl;

	@Value("${local.management.port}")
	int managementPort;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesMetricsOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> scrape = get("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus");
		HttpResponse<String> publicScrape = get(this.baseUrl + "/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_");
		assertThat(publicScrape.statusCode()).isEqualTo(403);
		assertThat(publicScrape.body()).doesNotContain("jvm_");
	}

	@Test
	void servesHealthOnTheManagementPort() throws Exception {
		assertThat(get("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness").statusCode())
			.isEqualTo(200);
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
