package io.baton.sandbox.messenger.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

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
class SimulatorTests {

	@Autowired
	ApplicationContext context;

	MessengerWorld world;

	String botApp;

	WebhookReceiver bot;

	String page;

	String ada;

	String token;

	@BeforeEach
	void aPageWithASubscribedBot() {
		this.world = new MessengerWorld(this.context);
		this.botApp = this.world.anApp(BOT_SECRET, "Bot");
		this.page = this.world.aPage("Bakery");
		this.ada = this.world.aPerson("Ada");
		this.token = this.world.pageToken(this.botApp, this.page, this.world.aPerson("Owner"));
		this.bot = new WebhookReceiver();
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS);
	}

	@AfterEach
	void closeReceiver() {
		this.bot.close();
	}

	@Test
	void showsWhatThePageSentAndTurnsATapIntoAWebhook() {
		String psid = this.world.writes(this.page, this.ada, "What's fresh?");
		this.world.send(this.token, "{\"recipient\":{\"id\":\"" + psid + "\"},\"message\":{\"text\":\"Pick one\","
				+ "\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Bread\",\"payload\":\"BREAD\"}]}}");
		this.world.send(this.token,
				"{\"recipient\":{\"id\":\"" + psid + "\"},\"message\":{\"attachment\":"
						+ "{\"type\":\"template\",\"payload\":{\"template_type\":\"button\",\"text\":\"Or order\","
						+ "\"buttons\":[{\"type\":\"postback\",\"title\":\"Order now\",\"payload\":\"ORDER\"}]}}}}");

		HttpResponse<String> chat = this.world.sandbox.browser
			.get("/sandbox/messenger/chat?page=" + this.page + "&person=" + this.ada);
		HttpResponse<String> tapped = this.world.sandbox.browser.post("/sandbox/messenger/chat/quick-reply",
				chat.body(), Map.of("title", List.of("Bread"), "payload", List.of("BREAD")));

		assertThat(chat.statusCode()).isEqualTo(200);
		assertThat(chat.body()).contains("What&#39;s fresh?", "Pick one", "Bread", "Or order", "Order now", psid);
		assertThat(chat.body()).doesNotContain("<script", "style=");
		assertThat(chat.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
		assertThat(tapped.statusCode()).isEqualTo(303);
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.bot.events("messaging")
				.stream()
				.anyMatch((e) -> "BREAD".equals(e.path("message").path("quick_reply").path("payload").asString())));
	}

	@Test
	void arrivingByAnMmeLinkIsAGetStartedPostbackWithTheReferralOnTheFirstVisit() {
		this.world.postJson("/sandbox/graph/v24.0/me/messenger_profile?access_token=" + this.token,
				"{\"get_started\":{\"payload\":\"START\"}}");

		this.world.person(this.page, this.ada, "referral", "{\"ref\":\"spring-promo\"}");
		this.world.person(this.page, this.ada, "referral", "{\"ref\":\"again\"}");
		JsonNode sendToMessenger = this.world.person(this.page, this.ada, "send-to-messenger", "{\"ref\":\"cart-42\"}");

		assertThat(sendToMessenger.path("status").asInt()).isEqualTo(200);
		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.events("messaging").size() == 3);
		List<JsonNode> events = this.bot.events("messaging");
		assertThat(events.get(0).path("postback").path("payload").asString()).isEqualTo("START");
		assertThat(events.get(0).path("postback").path("referral").path("ref").asString()).isEqualTo("spring-promo");
		assertThat(events.get(0).path("postback").path("referral").path("source").asString()).isEqualTo("SHORTLINK");
		assertThat(events.get(1).path("referral").path("ref").asString()).isEqualTo("again");
		assertThat(events.get(1).path("referral").path("type").asString()).isEqualTo("OPEN_THREAD");
		assertThat(events.get(2).path("optin").path("ref").asString()).isEqualTo("cart-42");
	}

	@Test
	void sendsAttachmentsReactionsAndReadsAndEchoesThePagesMessages() {
		JsonNode sent = this.world.person(this.page, this.ada, "message",
				"{\"image_url\":\"https://example.com/cake.png\",\"lat\":\"48.85\",\"long\":\"2.35\"}");
		String psid = sent.path("body").path("psid").asString();
		JsonNode reply = this.world.send(this.token, "{\"recipient\":{\"id\":\"" + psid + "\"},"
				+ "\"message\":{\"text\":\"Nice cake\",\"metadata\":\"agent-7\"}}");
		this.world.person(this.page, this.ada, "reaction",
				"{\"mid\":\"" + reply.path("body").path("message_id").asString() + "\",\"reaction\":\"love\"}");
		this.world.person(this.page, this.ada, "read", "{}");
		JsonNode unknownAction = this.world.person(this.page, this.ada, "dance", "{}");

		assertThat(unknownAction.path("status").asInt()).isEqualTo(400);
		await().atMost(WebhookReceiver.patience()).until(() -> this.bot.events("messaging").size() == 5);
		List<JsonNode> events = this.bot.events("messaging");
		assertThat(events.get(0).path("message").path("attachments").toString()).contains(
				"{\"type\":\"image\",\"payload\":{\"url\":\"https://example.com/cake.png\"}}",
				"{\"type\":\"location\",\"payload\":{\"coordinates\":{\"lat\":48.85,\"long\":2.35}}}");
		JsonNode echo = events.get(1);
		assertThat(echo.path("sender").path("id").asString()).isEqualTo(this.page);
		assertThat(echo.path("message").path("is_echo").asBoolean()).isTrue();
		assertThat(echo.path("message").path("app_id").asLong()).isEqualTo(Long.parseLong(this.botApp));
		assertThat(echo.path("message").path("metadata").asString()).isEqualTo("agent-7");
		assertThat(events.get(2).has("delivery")).isTrue();
		assertThat(events.get(3).path("reaction").path("action").asString()).isEqualTo("react");
		assertThat(events.get(4).path("read").path("watermark").asLong()).isGreaterThan(0);
	}

}
