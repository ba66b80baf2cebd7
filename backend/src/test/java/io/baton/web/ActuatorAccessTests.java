package io.baton.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the application port, which the world reaches, the actuator shows health and nothing
 * else: metrics name every tenant's apps and traffic, so they are served on the
 * management port only ({@link ManagementPortTests}).
 */
@BatonTest
class ActuatorAccessTests {

	@Autowired
	ApplicationContext context;

	@Value("${baton.public-url}")
	String baseUrl;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void refusesMetricsAndOtherEndpointsToAnonymousCallers() throws Exception {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/env",
				"/actuator/beans", "/actuator" }) {
			HttpResponse<String> answer = get(path);

			assertThat(answer.statusCode()).as(path).isEqualTo(403);
			assertThat(answer.body()).as(path).doesNotContain("baton_").doesNotContain("jvm_");
		}
	}

	@Test
	void refusesMetricsToSignedInStaffToo() {
		Staff.clientOf(this.context, Staff.signedIn(this.context, "Mallory " + System.nanoTime()))
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void stillAnswersHealthToAnyone() throws Exception {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
