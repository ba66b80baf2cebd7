package io.baton.sandbox.webhooks;

import java.time.Duration;
import java.util.List;

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
import static io.baton.sandbox.messenger.MessengerWorld.HELPDESK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@BatonTest
class WebhookDeliveryTests {

	@Autowired
	ApplicationContext context;

	MessengerWorld world;

	String botApp;

	String helpdeskApp;

	WebhookReceiver bot;

	WebhookReceiver helpdesk;

	String page;

	String ada;

	@BeforeEach
	void aPageWithTwoSubscribedApps() {
		this.world = new MessengerWorld(this.context);
		this.botApp = this.world.anApp(BOT_SECRET, "Bot");
		this.helpdeskApp = this.world.anApp(HELPDESK_SECRET, "Helpdesk");
		this.page = this.world.aPage("Bakery");
		this.ada = this.world.aPerson("Zoë Ådahl");
		this.bot = new WebhookReceiver();
		this.helpdesk = new WebhookReceiver();
	}

	@AfterEach
	void closeReceivers() {
		this.bot.close();
		this.helpdesk.close();
	}

	@Test
	void postsTheEventSignedOverTheExactBytesWithNonAsciiEscaped() {
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS);

		String psid = this.world.writes(this.page, this.ada, "Grüße 👋");

		await().atMost(WebhookReceiver.patience()).until(() -> !this.bot.deliveries().isEmpty());
		WebhookReceiver.Delivery delivery = this.bot.deliveries().get(0);
		assertThat(delivery.signedWith(BOT_SECRET)).isTrue();
		assertThat(delivery.signedWith("another-secret")).isFalse();
		assertThat(delivery.contentType()).startsWith("application/json");
		assertThat(delivery.text()).contains("Gr\\u00fc\\u00dfe \\ud83d\\udc4b").doesNotContain("ü");
		JsonNode body = delivery.json();
		assertThat(body.path("object").asString()).isEqualTo("page");
		JsonNode entry = body.path("entry").get(0);
		assertThat(entry.path("id").asString()).isEqualTo(this.page);
		assertThat(entry.path("time").isNumber()).isTrue();
		JsonNode event = entry.path("messaging").get(0);
		assertThat(event.path("sender").path("id").asString()).isEqualTo(psid);
		assertThat(event.path("recipient").path("id").asString()).isEqualTo(this.page);
		assertThat(event.path("message").path("text").asString()).isEqualTo("Grüße 👋");
		assertThat(event.path("message").path("mid").asString()).startsWith("m_");
	}

	@Test
	void deliversOnlyFieldsSubscribedAtBothLevels() {
		this.world.subscribe(this.botApp, this.page, this.bot.url(), "messages,messaging_postbacks",
				"messages,message_reads");

		this.world.person(this.page, this.ada, "postback", "{\"title\":\"Menu\",\"payload\":\"MENU\"}");
		this.world.person(this.page, this.ada, "read", "{}");
		this.world.writes(this.page, this.ada, "only this");

		await().atMost(WebhookReceiver.patience()).until(() -> !this.bot.events("messaging").isEmpty());
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.bot.events("messaging").size() == 1);
		assertThat(this.bot.events("messaging").get(0).path("message").path("text").asString()).isEqualTo("only this");
	}

	@Test
	void keepsThePageOrderWhileTheEndpointIsSlowAndBatchesWhatPiledUp() {
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS);
		this.bot.hold();

		for (int i = 1; i <= 4; i++) {
			this.world.writes(this.page, this.ada, "message " + i);
		}
		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.arrived() >= 1);
		this.bot.release();

		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.events("messaging").size() == 4);
		assertThat(this.bot.events("messaging").stream().map((e) -> e.path("message").path("text").asString()))
			.containsExactly("message 1", "message 2", "message 3", "message 4");
		assertThat(this.bot.deliveries().size()).isLessThan(4);
		assertThat(this.bot.deliveries().stream().mapToInt((d) -> d.entries().size()).max().orElse(0)).isGreaterThan(1);
	}

	@Test
	void retriesUntilTheEndpointAnswers200AndListsTheRecentErrors() {
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS);
		this.bot.answer(500);

		this.world.writes(this.page, this.ada, "are you there?");
		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.deliveries().size() >= 3);
		this.bot.answer(200);

		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.events("messaging").size() == 1);
		List<WebhookReceiver.Delivery> attempts = this.bot.deliveries();
		assertThat(attempts.get(0).text()).isEqualTo(attempts.get(attempts.size() - 1).text());
		JsonNode errors = this.world.get("/sandbox/api/apps/" + this.botApp + "/webhook-errors");
		assertThat(errors.path("body").path("data").size()).isGreaterThanOrEqualTo(3);
		JsonNode error = errors.path("body").path("data").get(0);
		assertThat(error.path("url").asString()).isEqualTo(this.bot.url());
		assertThat(error.path("http_status").asInt()).isEqualTo(500);
		assertThat(error.path("time").asString()).isNotBlank();
	}

	@Test
	void routesToTheThreadOwnerUnderMessagingAndToStandbyAppsWithoutPostbackPayload() {
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS + ",standby");
		this.world.subscribe(this.helpdeskApp, this.page, this.helpdesk.url(), ALL_FIELDS + ",standby");
		this.world.role(this.page, this.botApp, "primary_receiver");
		this.world.role(this.page, this.helpdeskApp, "secondary_receiver");

		this.world.person(this.page, this.ada, "postback", "{\"title\":\"Menu\",\"payload\":\"MENU\"}");

		await().atMost(WebhookReceiver.patience())
			.until(() -> this.bot.events("messaging").size() == 1 && this.helpdesk.events("standby").size() == 1);
		assertThat(this.bot.events("messaging").get(0).path("postback").path("payload").asString()).isEqualTo("MENU");
		JsonNode standby = this.helpdesk.events("standby").get(0).path("postback");
		assertThat(standby.path("title").asString()).isEqualTo("Menu");
		assertThat(standby.has("payload")).isFalse();
		assertThat(this.helpdesk.events("messaging")).isEmpty();
	}

	@Test
	void injectsDelayDuplicatesAndDrops() {
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS);

		this.world.postJson("/sandbox/api/apps/" + this.botApp + "/webhook-faults",
				"{\"duplicate\":true,\"delay_ms\":200}");
		this.world.writes(this.page, this.ada, "twice");
		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.deliveries().size() == 2);
		this.world.postJson("/sandbox/api/apps/" + this.botApp + "/webhook-faults", "{\"drop\":true}");
		this.world.writes(this.page, this.ada, "never");
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.world.sandbox
				.queryOne("SELECT count(*) FROM sandbox.webhook_outbox WHERE app_id = '" + this.botApp + "'")
				.equals("0"));

		assertThat(this.bot.deliveries()).hasSize(2);
		assertThat(this.bot.deliveries().get(0).text()).isEqualTo(this.bot.deliveries().get(1).text())
			.contains("twice");
		assertThat(this.world.get("/sandbox/api/apps/" + this.botApp + "/webhook-faults").path("body").toString())
			.isEqualTo("{\"delay_ms\":0,\"duplicate\":false,\"drop\":true}");
	}

}
