package io.baton.sandbox.messenger.send;

import java.time.Duration;

import io.baton.sandbox.messenger.MessengerWorld;
import io.baton.sandbox.webhooks.SandboxClock;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.baton.sandbox.messenger.MessengerWorld.BOT_SECRET;
import static io.baton.sandbox.SandboxWorld.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class SendApiTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SandboxClock clock;

	MessengerWorld world;

	String botApp;

	String page;

	String otherPage;

	String ada;

	String token;

	@BeforeEach
	void aPageWithABot() {
		this.world = new MessengerWorld(this.context);
		this.botApp = this.world.anApp(BOT_SECRET, "Bot");
		this.page = this.world.aPage("Bakery");
		this.otherPage = this.world.aPage("Florist");
		String admin = this.world.aPerson("Owner");
		this.ada = this.world.aPerson("Ada Lovelace");
		this.token = this.world.pageToken(this.botApp, this.page, admin);
	}

	@AfterEach
	void backToThePresent() {
		this.clock.reset();
	}

	@Test
	void givesAPersonADifferentPsidOnEachPage() {
		String onBakery = this.world.writes(this.page, this.ada, "hi");
		String onFlorist = this.world.writes(this.otherPage, this.ada, "hi");
		String again = this.world.writes(this.page, this.ada, "again");

		assertThat(onBakery).matches("[0-9]+").isNotEqualTo(onFlorist).isEqualTo(again).isNotEqualTo(this.ada);
	}

	@Test
	void answersRecipientAndMessageIdInsideTheWindow() {
		String psid = this.world.writes(this.page, this.ada, "Do you have croissants?");

		JsonNode answer = this.world.sendText(this.token, psid, "Yes!");

		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("body").path("recipient_id").asString()).isEqualTo(psid);
		assertThat(answer.path("body").path("message_id").asString()).startsWith("m_");
		JsonNode chat = this.world
			.get("/sandbox/api/messenger/pages/" + this.page + "/people/" + this.ada + "/conversation");
		assertThat(chat.path("body").path("messages").toString()).contains("Do you have croissants?", "Yes!");
	}

	@Test
	void refusesAPsidOfAnotherPageAndAnAppScopedId() {
		String florists = this.world.writes(this.otherPage, this.ada, "hi");
		this.world.writes(this.page, this.ada, "hi");

		String asid = this.world.sandbox.queryOne("INSERT INTO sandbox.app_scoped_ids (app_id, user_id) VALUES ('"
				+ this.botApp + "', '" + this.ada + "') RETURNING id");

		JsonNode otherPage = this.world.sendText(this.token, florists, "hello");
		JsonNode appScoped = this.world.sendText(this.token, asid, "hello");
		JsonNode personId = this.world.sendText(this.token, this.ada, "hello");

		assertGraphError(otherPage, 400, 100, 2018001, "(#100) No matching user found");
		assertGraphError(appScoped, 400, 100, 2018001, "(#100) No matching user found");
		assertGraphError(personId, 400, 100, 2018001, "(#100) No matching user found");
	}

	@Test
	void refusesOutsideTheWindowAndAcceptsAgainOnceThePersonWrites() {
		String psid = this.world.writes(this.page, this.ada, "hi");
		this.clock.shift(Duration.ofHours(25));

		JsonNode closed = this.world.sendText(this.token, psid, "late");
		this.world.writes(this.page, this.ada, "still there?");
		JsonNode renewed = this.world.sendText(this.token, psid, "yes");

		assertGraphError(closed, 400, 10, 2018278, "(#10) This message is sent outside of allowed window.");
		assertThat(renewed.path("status").asInt()).isEqualTo(200);
	}

	@Test
	void allowsTheFourTagsOutsideTheWindowAndHumanAgentOnlyForSevenDays() {
		String psid = this.world.writes(this.page, this.ada, "hi");
		this.clock.shift(Duration.ofDays(2));

		JsonNode update = tagged(psid, "UPDATE", "");
		JsonNode accountUpdate = tagged(psid, "MESSAGE_TAG", "ACCOUNT_UPDATE");
		JsonNode humanAgent = tagged(psid, "MESSAGE_TAG", "HUMAN_AGENT");
		JsonNode badTag = tagged(psid, "MESSAGE_TAG", "PAYMENT_UPDATE");
		this.clock.shift(Duration.ofDays(6));
		JsonNode lateHumanAgent = tagged(psid, "MESSAGE_TAG", "HUMAN_AGENT");
		JsonNode lateEvent = tagged(psid, "MESSAGE_TAG", "CONFIRMED_EVENT_UPDATE");

		assertGraphError(update, 400, 10, 2018278, "(#10) This message is sent outside of allowed window.");
		assertThat(accountUpdate.path("status").asInt()).isEqualTo(200);
		assertThat(humanAgent.path("status").asInt()).isEqualTo(200);
		assertGraphError(badTag, 400, 100, null, "(#100) Param tag must be one of {CONFIRMED_EVENT_UPDATE,"
				+ " POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, HUMAN_AGENT}");
		assertGraphError(lateHumanAgent, 400, 10, 2018278, "(#10) This message is sent outside");
		assertThat(lateEvent.path("status").asInt()).isEqualTo(200);
	}

	@Test
	void refusesEmptyMessagesMissingRecipientsAndOverlongText() {
		String psid = this.world.writes(this.page, this.ada, "hi");

		JsonNode empty = this.world.send(this.token, "{\"recipient\":{\"id\":\"" + psid + "\"},\"message\":{}}");
		JsonNode noRecipient = this.world.send(this.token, "{\"message\":{\"text\":\"hi\"}}");
		JsonNode tooLong = this.world.sendText(this.token, psid, "x".repeat(2001));
		JsonNode notJson = this.world.send(this.token, "{nope");

		assertGraphError(empty, 400, 100, 2018034, "(#100) Message cannot be empty");
		assertGraphError(noRecipient, 400, 100, null, "(#100) param recipient must be non-empty.");
		assertGraphError(tooLong, 400, 100, null, "(#100) Length of param message[text]");
		assertGraphError(notJson, 400, 100, null, "(#100) Invalid parameter");
	}

	@Test
	void requiresPagesMessagingAndAPageToken() {
		String psid = this.world.writes(this.page, this.ada, "hi");
		String stranger = this.world.aPerson("Stranger");
		String withoutPermission = this.world.pageTokenWithoutMessaging(this.botApp, this.page, stranger);

		JsonNode noPermission = this.world.sendText(withoutPermission, psid, "hi");
		JsonNode appToken = this.world.sendText(this.botApp + "%7C" + BOT_SECRET, psid, "hi");

		assertGraphError(noPermission, 400, 200, null, "(#200) Requires pages_messaging permission");
		assertGraphError(appToken, 400, 210, null, "(#210) A page access token is required");
	}

	@Test
	void acceptsFormEncodedCallsWithJsonValuedFieldsAndSenderActions() {
		String psid = this.world.writes(this.page, this.ada, "hi");

		JsonNode form = io.baton.sandbox.SandboxWorld
			.parse(this.world.sandbox.browser.postForm("/sandbox/graph/v24.0/" + this.page + "/messages",
					java.util.Map.of("access_token", java.util.List.of(this.token), "recipient",
							java.util.List.of("{\"id\":\"" + psid + "\"}"), "message",
							java.util.List.of("{\"text\":\"from a form\"}"))));
		JsonNode typing = this.world.send(this.token,
				"{\"recipient\":{\"id\":\"" + psid + "\"},\"sender_action\":\"typing_on\"}");

		assertThat(form.path("status").asInt()).isEqualTo(200);
		assertThat(form.path("body").path("message_id").asString()).startsWith("m_");
		assertThat(typing.path("body").toString()).isEqualTo("{\"recipient_id\":\"" + psid + "\"}");
	}

	@Test
	void keepsTheMessengerProfile() {
		JsonNode set = this.world.postJson("/sandbox/graph/v24.0/me/messenger_profile?access_token=" + this.token,
				"{\"get_started\":{\"payload\":\"START\"},\"greeting\":[{\"locale\":\"default\",\"text\":\"Hello!\"}]}");
		JsonNode read = this.world
			.get("/sandbox/graph/v24.0/me/messenger_profile?fields=get_started,greeting&access_token=" + this.token);

		assertThat(set.path("body").toString()).isEqualTo("{\"result\":\"success\"}");
		assertThat(read.path("body").path("data").get(0).path("get_started").path("payload").asString())
			.isEqualTo("START");
		assertThat(read.path("body").path("data").get(0).path("greeting").get(0).path("text").asString())
			.isEqualTo("Hello!");
		JsonNode deleted = this.world.call("DELETE",
				"/sandbox/graph/v24.0/me/messenger_profile?access_token=" + this.token, "{\"fields\":[\"greeting\"]}");
		JsonNode after = this.world.get("/sandbox/graph/v24.0/me/messenger_profile?access_token=" + this.token);
		assertThat(deleted.path("body").toString()).isEqualTo("{\"result\":\"success\"}");
		assertThat(after.path("body").path("data").get(0).has("greeting")).isFalse();
		assertThat(after.path("body").path("data").get(0).has("get_started")).isTrue();
	}

	@Test
	void showsThePersonsProfileOnlyToTheirPage() {
		String psid = this.world.writes(this.page, this.ada, "hi");
		String floristToken = this.world.pageToken(this.botApp, this.otherPage, this.world.aPerson("Florist owner"));
		io.baton.sandbox.graph.GraphNode profiles = this.context.getBean(PsidProfiles.class);
		io.baton.sandbox.graph.AccessTokens tokens = this.context.getBean(io.baton.sandbox.graph.AccessTokens.class);
		io.baton.sandbox.graph.GraphRequest fields = new io.baton.sandbox.graph.GraphRequest(
				new org.springframework.util.LinkedMultiValueMap<>(
						java.util.Map.of("fields", java.util.List.of("first_name,last_name,locale,timezone"))),
				this.token);

		java.util.Map<String, Object> profile = profiles.read(psid, tokens.check(this.token).block(), fields).block();
		Throwable otherPage = org.assertj.core.api.Assertions
			.catchThrowable(() -> profiles.read(psid, tokens.check(floristToken).block(), fields).block());
		java.util.Map<String, Object> notAPsid = profiles.read(this.ada, tokens.check(this.token).block(), fields)
			.block();

		assertThat(profile).containsEntry("first_name", "Ada")
			.containsEntry("last_name", "Lovelace")
			.containsEntry("locale", "en_US")
			.containsEntry("id", psid);
		assertThat(otherPage).isInstanceOf(io.baton.sandbox.graph.GraphError.class)
			.hasMessage("(#100) No matching user found");
		assertThat(notAPsid).isNull();
	}

	private JsonNode tagged(String psid, String type, String tag) {
		return this.world.send(this.token, "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"" + type
				+ "\"" + (tag.isEmpty() ? "" : ",\"tag\":\"" + tag + "\"") + ",\"message\":{\"text\":\"news\"}}");
	}

}
