package io.baton.fuzz;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/** The long run of {@link WebhookFuzzTests}: ten thousand generated webhooks. */
@BatonTest
@Tag("slow")
class WebhookFuzzSlowTests {

	@Autowired
	ApplicationContext context;

	@Value("${baton.public-url}")
	String baseUrl;

	@Test
	void tenThousandGeneratedWebhooksGetA4xxOrAreStoredAndRouted() throws Exception {
		new WebhookFuzz(this.context, this.baseUrl).run(WebhookFuzzTests.seed(), 10_000);
	}

}
