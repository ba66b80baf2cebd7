package io.baton.fuzz;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.fuzz.WebhookCases.Kind;
import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand generated webhooks (good, odd, malformed, deeply nested, huge, unsigned):
 * each gets a 4xx or a 200, never a 5xx, and nothing answered 200 is lost or stuck. Set
 * {@code -Dbaton.fuzz.seed=…} to replay a failing run; the slow tier sends ten thousand.
 */
@BatonTest
class WebhookFuzzTests {

	@Autowired
	ApplicationContext context;

	@Value("${baton.public-url}")
	String baseUrl;

	@Test
	void aThousandGeneratedWebhooksGetA4xxOrAreStoredAndRouted() throws Exception {
		Map<Kind, Map<Integer, Integer>> answers = new WebhookFuzz(this.context, this.baseUrl).run(seed(), 1_000);

		assertThat(answers.keySet()).as("every kind of request was tried").containsExactlyInAnyOrder(Kind.values());
	}

	static long seed() {
		String given = System.getProperty("baton.fuzz.seed");
		return (given != null) ? Long.parseLong(given) : System.nanoTime();
	}

}
