package io.baton.sandbox.webhooks;

import java.time.Duration;

import io.baton.sandbox.messenger.MessengerWorld;
import io.baton.testing.WebhookReceiver;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.baton.sandbox.messenger.MessengerWorld.ALL_FIELDS;
import static io.baton.sandbox.messenger.MessengerWorld.BOT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@BatonTest
class WebhookFailureTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SandboxClock clock;

	@Autowired
	WebhookSettings settings;

	MessengerWorld world;

	String botApp;

	WebhookReceiver bot;

	@BeforeEach
	void aBotWhoseEndpointFails() {
		this.world = new MessengerWorld(this.context);
		this.botApp = this.world.anApp(BOT_SECRET, "Bot");
		this.bot = new WebhookReceiver();
		this.bot.answer(503);
	}

	@AfterEach
	void closeReceiver() {
		this.bot.close();
	}

	@AfterEach
	void backToThePresent() {
		this.clock.reset();
	}

	@Test
	void alertsAfterTheAlertSpanThenDisablesTheWebhookAndUnsubscribesEveryPage() {
		String bakery = this.world.aPage("Bakery");
		String florist = this.world.aPage("Florist");
		String ada = this.world.aPerson("Ada");
		this.world.subscribe(this.botApp, bakery, this.bot.url(), ALL_FIELDS);
		this.world.subscribe(this.botApp, florist, this.bot.url(), ALL_FIELDS);

		this.world.writes(bakery, ada, "hello?");
		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.deliveries().size() >= 2);
		assertThat(alerts()).isEmpty();
		this.clock.shift(this.settings.alertAfter().plusMinutes(1));
		await().atMost(WebhookReceiver.patience()).until(() -> alerts().size() == 1);
		assertThat(alerts().get(0).path("kind").asString()).isEqualTo("failing");
		this.clock.shift(this.settings.disableAfter());
		await().atMost(WebhookReceiver.patience()).until(() -> alerts().size() == 2);

		assertThat(alerts().get(0).path("kind").asString()).isEqualTo("disabled");
		assertThat(this.world.sandbox.queryOne("SELECT active FROM sandbox.app_subscriptions WHERE app_id = '"
				+ this.botApp + "' AND object = 'page'"))
			.isEqualTo("f");
		assertThat(this.world.sandbox
			.queryOne("SELECT count(*) FROM sandbox.page_subscriptions WHERE app_id = '" + this.botApp + "'"))
			.isEqualTo("0");
		assertThat(this.world.sandbox
			.queryOne("SELECT count(*) FROM sandbox.webhook_outbox WHERE app_id = '" + this.botApp + "'"))
			.isEqualTo("0");
		JsonNode errors = this.world.get("/sandbox/api/apps/" + this.botApp + "/webhook-errors");
		assertThat(errors.path("body").path("data").get(0).path("http_status").asInt()).isEqualTo(503);
		int attempts = this.bot.deliveries().size();
		this.bot.answer(200);
		this.world.writes(florist, ada, "anyone?");
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.bot.deliveries().size() == attempts);
	}

	private java.util.List<JsonNode> alerts() {
		java.util.List<JsonNode> alerts = new java.util.ArrayList<>();
		this.world.get("/sandbox/api/apps/" + this.botApp + "/webhook-alerts")
			.path("body")
			.path("data")
			.forEach(alerts::add);
		return alerts;
	}

}
