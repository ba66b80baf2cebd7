package io.baton.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.baton.apps.AppsSettings;
import io.baton.apps.BotEndpointPolicy;
import io.baton.graph.AppId;
import io.baton.platform.BatonSettings;
import io.baton.secrets.Secret;
import io.baton.tenancy.TenantId;
import io.baton.testing.WebhookReceiver;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One POST to a bot over real HTTP, with the bot poster's own client: what it records of
 * a redirect, of a failing bot's answer and of a bot it may not or cannot reach.
 */
class BotPosterTests {

	final WebhookReceiver bot = new WebhookReceiver();

	final WebhookReceiver elsewhere = new WebhookReceiver();

	final DeliverySettings settings = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("baton.delivery", DeliverySettings.class);

	BotEndpointPolicy policy;

	@AfterEach
	void closeEverything() {
		this.bot.close();
		this.elsewhere.close();
		this.policy.destroy();
	}

	@Test
	void aRedirectIsAFailedAttemptAndIsNotFollowed() {
		this.bot.redirectTo(this.elsewhere.url());

		PostResult result = poster(sandboxMode()).post(deliveryTo(this.bot.url())).block(Duration.ofSeconds(15));

		assertThat(result.outcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(result.status()).isEqualTo(302);
		assertThat(this.bot.arrived()).isEqualTo(1);
		assertThat(this.elsewhere.arrived()).isZero();
	}

	@Test
	void aFailingBotsAnswerIsKeptShortAndWithoutCredentials() {
		this.bot.answer(500, "upstream failed: access_token=EAAGsecretvalue&debug=" + "x".repeat(5000));

		PostResult result = poster(sandboxMode()).post(deliveryTo(this.bot.url())).block(Duration.ofSeconds(15));

		assertThat(result.outcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(result.responseBody()).startsWith("upstream failed: access_token=[redacted]")
			.doesNotContain("EAAGsecretvalue")
			.hasSizeLessThanOrEqualTo(this.settings.responseChars() + 1);
		assertThat(this.settings.responseChars()).isLessThanOrEqualTo(300);
	}

	@Test
	void aJsonAnswerIsRedactedBeforeItIsShortened() {
		this.bot.answer(400,
				"{\"error\": {\"message\": \"bad\", \"access_token\": \"EAAGsecretvalue\"}, \"padding\": \""
						+ "y".repeat(5000) + "\"}");

		PostResult result = poster(sandboxMode()).post(deliveryTo(this.bot.url())).block(Duration.ofSeconds(15));

		assertThat(result.responseBody()).contains("[redacted]").doesNotContain("EAAGsecretvalue");
	}

	@Test
	void inProductionALoopbackBotIsRefusedWithoutAConnection() {
		PostResult result = poster(production()).post(deliveryTo(this.bot.url())).block(Duration.ofSeconds(15));

		assertThat(result.outcome()).isEqualTo(AttemptOutcome.UNREACHABLE);
		assertThat(result.error()).isEqualTo("Refused: the address is not public");
		assertThat(result.attempted()).as("the endpoint is to blame, so its circuit counts it").isTrue();
		assertThat(this.bot.arrived()).isZero();
	}

	@Test
	void aBotThatRefusesTheConnectionIsDescribedWithoutItsAddressOrPort() throws IOException {
		int closedPort = closedPort();

		PostResult result = poster(sandboxMode()).post(deliveryTo("http://127.0.0.1:" + closedPort + "/webhook"))
			.block(Duration.ofSeconds(15));

		assertThat(result.outcome()).isEqualTo(AttemptOutcome.UNREACHABLE);
		assertThat(result.error()).isEqualTo("Could not reach the bot: the connection was refused")
			.doesNotContain(Integer.toString(closedPort))
			.doesNotContain("127.0.0.1");
	}

	private BotPoster poster(BotEndpointPolicy policy) {
		this.policy = policy;
		return new BotPoster(WebClient.builder(), this.settings, policy);
	}

	private static BotEndpointPolicy sandboxMode() {
		return policy(true);
	}

	private static BotEndpointPolicy production() {
		return policy(false);
	}

	private static BotEndpointPolicy policy(boolean local) {
		Map<String, String> values = new HashMap<>();
		values.put("baton.apps.local-endpoints", Boolean.toString(local));
		AppsSettings settings = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("baton.apps",
				AppsSettings.class);
		return new BotEndpointPolicy(settings, new BatonSettings(URI.create("http://localhost:8080")));
	}

	private static ClaimedDelivery deliveryTo(String endpoint) {
		return new ClaimedDelivery(1, TenantId.random(), new AppId("1234567890"), 1,
				"{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8), endpoint,
				new Secret("app-secret"));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
