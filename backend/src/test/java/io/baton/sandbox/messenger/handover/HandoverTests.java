package io.baton.sandbox.messenger.handover;

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
import static io.baton.sandbox.messenger.MessengerWorld.HELPDESK_SECRET;
import static io.baton.sandbox.SandboxWorld.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@BatonTest
class HandoverTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SandboxClock clock;

	MessengerWorld world;

	String botApp;

	String helpdeskApp;

	String strangerApp;

	WebhookReceiver bot;

	WebhookReceiver helpdesk;

	String page;

	String ada;

	String psid;

	String botToken;

	String helpdeskToken;

	@BeforeEach
	void aBotAsPrimaryAndAHelpdeskAsSecondary() {
		this.world = new MessengerWorld(this.context);
		this.botApp = this.world.anApp(BOT_SECRET, "Bot");
		this.helpdeskApp = this.world.anApp(HELPDESK_SECRET, "Helpdesk");
		this.strangerApp = this.world.anApp("stranger-secret", "Stranger");
		this.page = this.world.aPage("Bakery");
		String admin = this.world.aPerson("Owner");
		this.ada = this.world.aPerson("Ada");
		this.botToken = this.world.pageToken(this.botApp, this.page, admin);
		this.helpdeskToken = this.world.pageToken(this.helpdeskApp, this.page, admin);
		this.world.role(this.page, this.botApp, "primary_receiver");
		this.world.role(this.page, this.helpdeskApp, "secondary_receiver");
		this.bot = new WebhookReceiver();
		this.helpdesk = new WebhookReceiver();
		this.world.subscribe(this.botApp, this.page, this.bot.url(), ALL_FIELDS + ",standby");
		this.world.subscribe(this.helpdeskApp, this.page, this.helpdesk.url(), ALL_FIELDS + ",standby");
		this.psid = this.world.writes(this.page, this.ada, "hi");
	}

	@AfterEach
	void closeReceivers() {
		this.bot.close();
		this.helpdesk.close();
	}

	@AfterEach
	void backToThePresent() {
		this.clock.reset();
	}

	@Test
	void passesTheThreadToTheSecondaryWhichThenGetsTheMessages() {
		JsonNode passed = handover(this.botToken, "pass_thread_control",
				",\"target_app_id\":\"" + this.helpdeskApp + "\",\"metadata\":\"needs a human\"");
		JsonNode owner = threadOwner(this.botToken);
		JsonNode botSends = this.world.sendText(this.botToken, this.psid, "I am the bot");
		this.world.writes(this.page, this.ada, "hello human");

		assertThat(passed.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(owner.path("body").path("data").get(0).path("thread_owner").path("app_id").asString())
			.isEqualTo(this.helpdeskApp);
		assertGraphError(botSends, 400, 10, 2018300, "(#10) Message failed to send because another app");
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.helpdesk.events("messaging").stream().anyMatch((e) -> e.has("message")));
		JsonNode pass = this.helpdesk.events("messaging")
			.stream()
			.filter((e) -> e.has("pass_thread_control"))
			.findFirst()
			.orElseThrow()
			.path("pass_thread_control");
		assertThat(pass.path("new_owner_app_id").asString()).isEqualTo(this.helpdeskApp);
		assertThat(pass.path("previous_owner_app_id").asString()).isEqualTo(this.botApp);
		assertThat(pass.path("metadata").asString()).isEqualTo("needs a human");
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.bot.events("standby")
				.stream()
				.anyMatch((e) -> "hello human".equals(e.path("message").path("text").asString())));
	}

	@Test
	void letsThePrimaryTakeTheThreadBackAndTellsTheLoser() {
		handover(this.botToken, "pass_thread_control", ",\"target_app_id\":\"" + this.helpdeskApp + "\"");

		JsonNode taken = handover(this.botToken, "take_thread_control", ",\"metadata\":\"back to bot\"");

		assertThat(taken.path("status").asInt()).isEqualTo(200);
		assertThat(threadOwner(this.botToken).path("body").toString()).contains(this.botApp);
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.helpdesk.events("messaging").stream().anyMatch((e) -> e.has("take_thread_control")));
	}

	@Test
	void forwardsARequestToThePrimaryAndReleasesBackToIt() {
		handover(this.botToken, "pass_thread_control", ",\"target_app_id\":\"" + this.helpdeskApp + "\"");

		handover(this.helpdeskToken, "request_thread_control", ",\"metadata\":\"may I?\"");
		JsonNode released = handover(this.helpdeskToken, "release_thread_control", "");

		assertThat(released.path("status").asInt()).isEqualTo(200);
		assertThat(threadOwner(this.helpdeskToken).path("body").toString()).contains(this.botApp);
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.bot.events("messaging")
				.stream()
				.anyMatch((e) -> this.helpdeskApp
					.equals(e.path("request_thread_control").path("requested_owner_app_id").asString())));
	}

	@Test
	void refusesNonOwnersAndAppsWithoutARole() {
		String admin = this.world.aPerson("Second admin");
		String strangerToken = this.world.pageToken(this.strangerApp, this.page, admin);

		JsonNode notOwner = handover(this.helpdeskToken, "pass_thread_control",
				",\"target_app_id\":\"" + this.botApp + "\"");
		JsonNode noRole = handover(strangerToken, "take_thread_control", "");
		JsonNode secondaryAsks = this.world
			.get("/sandbox/graph/v24.0/me/secondary_receivers?fields=id,name&access_token=" + this.helpdeskToken);
		JsonNode primaryAsks = this.world
			.get("/sandbox/graph/v24.0/me/secondary_receivers?fields=id,name&access_token=" + this.botToken);

		assertGraphError(notOwner, 400, 100, 2534037, "(#100) The action is invalid since it's not the thread owner.");
		assertGraphError(noRole, 400, 100, 2018171, "(#100) Only available to Primary and Secondary Receivers.");
		assertThat(secondaryAsks.path("status").asInt()).isEqualTo(400);
		assertThat(primaryAsks.path("body").path("data").toString()).contains(
				"{\"id\":\"" + this.helpdeskApp + "\",\"name\":\"Helpdesk\"}",
				"{\"id\":\"263902037430900\",\"name\":\"Page Inbox\"}");
	}

	@Test
	void returnsAnIdleSecondarysControlToThePrimary() {
		handover(this.botToken, "pass_thread_control", ",\"target_app_id\":\"" + this.helpdeskApp + "\"");

		this.clock.shift(Duration.ofMinutes(61));
		JsonNode owner = threadOwner(this.botToken);
		JsonNode botSends = this.world.send(this.botToken, "{\"recipient\":{\"id\":\"" + this.psid
				+ "\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"ACCOUNT_UPDATE\",\"message\":{\"text\":\"back\"}}");

		assertThat(owner.path("body").path("data").get(0).path("thread_owner").path("app_id").asString())
			.isEqualTo(this.botApp);
		assertThat(botSends.path("status").asInt()).isEqualTo(200);
	}

	@Test
	void tellsAnAppItsNewRole() {
		JsonNode set = this.world.postJson("/sandbox/api/messenger/pages/" + this.page + "/app-roles",
				"{\"app_id\":\"" + this.helpdeskApp + "\",\"role\":\"primary_receiver\"}");

		assertThat(set.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(this.world.sandbox.queryOne("SELECT role FROM sandbox.page_app_roles WHERE page_id = '" + this.page
				+ "' AND app_id = '" + this.botApp + "'"))
			.isEqualTo("secondary_receiver");
		await().atMost(WebhookReceiver.patience())
			.until(() -> this.helpdesk.events("messaging")
				.stream()
				.anyMatch((e) -> e.path("app_roles").path(this.helpdeskApp).toString().equals("[\"primary_receiver\"]")
						&& !e.has("sender")));
	}

	private JsonNode handover(String token, String action, String extra) {
		return this.world.postJson("/sandbox/graph/v24.0/me/" + action + "?access_token=" + token,
				"{\"recipient\":{\"id\":\"" + this.psid + "\"}" + extra + "}");
	}

	private JsonNode threadOwner(String token) {
		return this.world.get("/sandbox/graph/v24.0/me/thread_owner?recipient=" + this.psid + "&access_token=" + token);
	}

}
