package io.baton.sandbox.messenger.notifications;

import java.time.Duration;

import io.baton.sandbox.messenger.MessengerWorld;
import io.baton.testing.WebhookReceiver;
import io.baton.sandbox.webhooks.SandboxClock;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.baton.sandbox.messenger.MessengerWorld.ALL_FIELDS;
import static io.baton.sandbox.messenger.MessengerWorld.BOT_SECRET;
import static io.baton.sandbox.SandboxWorld.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@BatonTest
class NotificationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SandboxClock clock;

	MessengerWorld world;

	String botApp;

	WebhookReceiver bot;

	String page;

	String ada;

	String psid;

	String token;

	@BeforeEach
	void aPersonTalkingToABot() {
		this.world = new MessengerWorld(this.context);
		this.botApp = this.world.anApp(BOT_SECRET, "Bot");
		this.page = this.world.aPage("Bakery");
		this.ada = this.world.aPerson("Ada");
		this.token = this.world.pageToken(this.botApp, this.page, this.world.aPerson("Owner"));
		this.bot = new WebhookReceiver();
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS);
		this.psid = this.world.writes(this.page, this.ada, "tell me when croissants are back");
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
	void aOneTimeTokenAllowsOneMessageOutsideTheWindowWithoutATag() {
		String request = askFor("{\"template_type\":\"one_time_notif_req\",\"title\":\"Back in stock?\","
				+ "\"payload\":\"croissants\"}");
		String otn = this.world.person(this.page, this.ada, "notify-me", "{\"mid\":\"" + request + "\"}")
			.path("body")
			.path("token")
			.asString();
		this.clock.shift(Duration.ofDays(3));

		JsonNode first = byToken("one_time_notif_token", otn);
		JsonNode again = byToken("one_time_notif_token", otn);
		JsonNode unknown = byToken("one_time_notif_token", "nonsense");

		assertThat(first.path("status").asInt()).isEqualTo(200);
		assertThat(first.path("body").path("recipient_id").asString()).isEqualTo(this.psid);
		assertGraphError(again, 400, 100, null, "(#100) Invalid one_time_notif_token");
		assertGraphError(unknown, 400, 100, null, "(#100) Invalid one_time_notif_token");
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.bot.events("messaging").stream().anyMatch((e) -> e.has("optin")));
		JsonNode optin = this.bot.events("messaging")
			.stream()
			.filter((e) -> e.has("optin"))
			.findFirst()
			.orElseThrow()
			.path("optin");
		assertThat(optin.path("type").asString()).isEqualTo("one_time_notif_req");
		assertThat(optin.path("payload").asString()).isEqualTo("croissants");
		assertThat(optin.path("one_time_notif_token").asString()).isEqualTo(otn);
	}

	@Test
	void aOneTimeTokenExpiresAfterAYearAndTheRequestNeedsTheWindowAndThePermission() {
		String request = askFor("{\"template_type\":\"one_time_notif_req\",\"title\":\"Back?\",\"payload\":\"p\"}");
		String otn = this.world.person(this.page, this.ada, "notify-me", "{\"mid\":\"" + request + "\"}")
			.path("body")
			.path("token")
			.asString();
		this.clock.shift(Duration.ofDays(366));

		JsonNode expired = byToken("one_time_notif_token", otn);
		JsonNode lateRequest = this.world.send(this.token,
				"{\"recipient\":{\"id\":\"" + this.psid + "\"},"
						+ "\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":"
						+ "{\"template_type\":\"one_time_notif_req\",\"title\":\"Again?\",\"payload\":\"p\"}}}}");
		this.world.writes(this.page, this.ada, "hello again");
		this.world.sandbox.sql("UPDATE sandbox.pages SET otn_enabled = false WHERE id = '" + this.page + "'");
		JsonNode withoutPermission = this.world.send(this.token,
				"{\"recipient\":{\"id\":\"" + this.psid + "\"},"
						+ "\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":"
						+ "{\"template_type\":\"one_time_notif_req\",\"title\":\"Again?\",\"payload\":\"p\"}}}}");

		assertGraphError(expired, 400, 100, null, "(#100) Invalid one_time_notif_token");
		assertGraphError(lateRequest, 400, 10, 2018278, "(#10) This message is sent outside of allowed window.");
		assertGraphError(withoutPermission, 400, 10, null, "(#10) This page does not have the One-Time Notification");
	}

	@Test
	void recurringNotificationsKeepToTheirFrequencyStopAndExpire() {
		String request = askFor("{\"template_type\":\"notification_messages\",\"title\":\"Weekly deals\","
				+ "\"payload\":\"deals\",\"notification_messages_frequency\":\"WEEKLY\"}");
		String recurring = this.world.person(this.page, this.ada, "recurring-optin", "{\"mid\":\"" + request + "\"}")
			.path("body")
			.path("token")
			.asString();
		this.clock.shift(Duration.ofDays(2));

		JsonNode first = byToken("notification_messages_token", recurring);
		JsonNode tooSoon = byToken("notification_messages_token", recurring);
		this.clock.shift(Duration.ofDays(8));
		JsonNode nextWeek = byToken("notification_messages_token", recurring);
		this.world.person(this.page, this.ada, "recurring-stop", "{\"token\":\"" + recurring + "\"}");
		this.clock.shift(Duration.ofDays(8));
		JsonNode stopped = byToken("notification_messages_token", recurring);
		this.world.person(this.page, this.ada, "recurring-resume", "{\"token\":\"" + recurring + "\"}");
		JsonNode resumed = byToken("notification_messages_token", recurring);
		this.clock.shift(Duration.ofDays(280));
		JsonNode expired = byToken("notification_messages_token", recurring);

		assertThat(first.path("status").asInt()).isEqualTo(200);
		assertGraphError(tooSoon, 400, 4, 2018354, "(#4) There has to be a minimum delay between 2 notifications");
		assertThat(nextWeek.path("status").asInt()).isEqualTo(200);
		assertGraphError(stopped, 400, 10, 1893015, "(#10)");
		assertThat(resumed.path("status").asInt()).isEqualTo(200);
		assertGraphError(expired, 400, 100, null, "(#100) Invalid notification_messages_token");
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.bot.events("messaging")
				.stream()
				.filter((e) -> "notification_messages".equals(e.path("optin").path("type").asString()))
				.count() == 3);
		JsonNode optin = this.bot.events("messaging")
			.stream()
			.filter((e) -> e.has("optin"))
			.findFirst()
			.orElseThrow()
			.path("optin");
		assertThat(optin.path("notification_messages_token").asString()).isEqualTo(recurring);
		assertThat(optin.path("notification_messages_frequency").asString()).isEqualTo("WEEKLY");
		assertThat(optin.path("user_token_status").asString()).isEqualTo("NOT_REFRESHED");
		assertThat(optin.path("token_expiry_timestamp").asLong()).isGreaterThan(0);
		assertThat(this.bot.events("messaging").toString()).contains(
				"\"notification_messages_status\":\"STOP_NOTIFICATIONS\"",
				"\"notification_messages_status\":\"RESUME_NOTIFICATIONS\"");
	}

	private String askFor(String templatePayload) {
		JsonNode sent = this.world.send(this.token, "{\"recipient\":{\"id\":\"" + this.psid + "\"},"
				+ "\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":" + templatePayload + "}}}");
		assertThat(sent.path("status").asInt()).as(sent.toString()).isEqualTo(200);
		return sent.path("body").path("message_id").asString();
	}

	private JsonNode byToken(String kind, String value) {
		return this.world.send(this.token,
				"{\"recipient\":{\"" + kind + "\":\"" + value + "\"},\"message\":{\"text\":\"They are back!\"}}");
	}

}
