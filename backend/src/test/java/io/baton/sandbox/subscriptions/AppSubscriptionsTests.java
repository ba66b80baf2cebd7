package io.baton.sandbox.subscriptions;

import java.util.List;
import java.util.Map;

import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class AppSubscriptionsTests {

	@Autowired
	Environment environment;

	SandboxWorld world;

	CallbackServer callback;

	String appId;

	String path;

	String appToken;

	@BeforeEach
	void anAppWithoutSubscriptionsAndACallbackServer() {
		this.world = new SandboxWorld(this.environment);
		SandboxWorld.App app = this.world.anAppOfItsOwn("Subscribing app");
		this.appId = app.id();
		this.path = "/sandbox/graph/v24.0/" + app.id() + "/subscriptions";
		this.appToken = app.token();
		this.callback = new CallbackServer();
	}

	@AfterEach
	void stopReceiver() {
		this.callback.close();
	}

	@Test
	void subscribesOnlyAfterTheCallbackEchoesTheChallenge() {
		JsonNode subscribed = subscribe("messages,messaging_postbacks");
		JsonNode listed = this.world.graphGet(this.path + "?access_token=" + this.appToken.replace("|", "%7C"));

		assertThat(subscribed.path("status").asInt()).isEqualTo(200);
		assertThat(subscribed.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(this.callback.handshakes()).singleElement().satisfies((handshake) -> {
			assertThat(handshake).containsEntry("hub.mode", "subscribe")
				.containsEntry("hub.verify_token", "s3cret & co");
			assertThat(handshake.get("hub.challenge")).matches("[0-9]+");
		});
		JsonNode subscription = listed.path("body").path("data").get(0);
		assertThat(subscription.path("object").asString()).isEqualTo("page");
		assertThat(subscription.path("callback_url").asString()).isEqualTo(this.callback.url());
		assertThat(subscription.path("active").asBoolean()).isTrue();
		assertThat(subscription.path("fields").toString()).isEqualTo(
				"[{\"name\":\"messages\",\"version\":\"v24.0\"},{\"name\":\"messaging_postbacks\",\"version\":\"v24.0\"}]");
	}

	@Test
	void mergesFieldsWhenPostedAgain() {
		subscribe("messages");

		JsonNode again = subscribe("message_reads");
		JsonNode listed = this.world.graphGet(this.path + "?access_token=" + this.appToken.replace("|", "%7C"));

		assertThat(again.path("status").asInt()).isEqualTo(200);
		assertThat(listed.path("body").path("data").get(0).path("fields").toString()).contains("\"messages\"",
				"\"message_reads\"");
		assertThat(this.callback.handshakes()).hasSize(2);
	}

	@Test
	void refusesWith2200WhenTheChallengeIsNotEchoed() {
		this.callback.answer = CallbackServer.Answer.WRONG_BODY;
		JsonNode wrongBody = subscribe("messages");
		this.callback.answer = CallbackServer.Answer.FORBIDDEN;
		JsonNode forbidden = subscribe("messages");
		this.callback.answer = CallbackServer.Answer.SILENT;
		JsonNode silent = subscribe("messages");
		JsonNode listed = this.world.graphGet(this.path + "?access_token=" + this.appToken.replace("|", "%7C"));

		assertError(wrongBody, 2200, "(#2200) callback verification failed: The URL couldn't be validated."
				+ " Response does not match challenge");
		assertError(forbidden, 2200, "(#2200) callback verification failed:");
		assertThat(forbidden.path("body").path("error").path("message").asString()).contains("403");
		assertError(silent, 2200, "(#2200) callback verification failed:");
		assertThat(silent.path("body").path("error").path("message").asString()).contains("timed out");
		assertThat(listed.path("body").path("data").isEmpty()).isTrue();
	}

	@Test
	void deletesTheSubscription() {
		subscribe("messages");

		JsonNode deleted = this.world.graphPost(this.path,
				Map.of("method", List.of("delete"), "object", List.of("page"), "access_token", List.of(this.appToken)));
		JsonNode listed = this.world.graphGet(this.path + "?access_token=" + this.appToken.replace("|", "%7C"));

		assertThat(deleted.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(listed.path("body").path("data").isEmpty()).isTrue();
	}

	@Test
	void needsTheAppsOwnAppTokenAndValidParameters() {
		this.world.anotherAppExists();

		JsonNode otherApp = this.world.graphPost(this.path,
				Map.of("object", List.of("page"), "callback_url", List.of(this.callback.url()), "fields",
						List.of("messages"), "access_token",
						List.of(SandboxWorld.OTHER_APP + "|" + SandboxWorld.OTHER_SECRET)));
		JsonNode badField = this.world.graphPost(this.path,
				Map.of("object", List.of("page"), "callback_url", List.of(this.callback.url()), "fields",
						List.of("messages,nonsense"), "access_token", List.of(this.appToken)));
		JsonNode badUrl = this.world.graphPost(this.path, Map.of("object", List.of("page"), "callback_url",
				List.of("not a url"), "fields", List.of("messages"), "access_token", List.of(this.appToken)));

		assertError(otherApp, 100, "Unsupported post request.");
		assertError(badField, 100, "(#100) Param fields[1] must be one of {");
		assertError(badUrl, 100, "(#100) Param callback_url");
		assertThat(this.callback.handshakes()).isEmpty();
	}

	@Test
	void callsBackOnlyBatonsOwnWebhooksNeverAnyOtherAddress() {
		List<String> elsewhere = List.of("http://169.254.169.254/latest/meta-data/iam/security-credentials/",
				this.callback.root() + "/actuator/env", this.callback.root() + "/webhook",
				"http://10.0.0.5/webhooks/" + this.appId, "https://bot.example.com/webhooks/1");

		List<JsonNode> answers = elsewhere.stream()
			.map((url) -> this.world.graphPost(this.path,
					Map.of("object", List.of("page"), "callback_url", List.of(url), "fields", List.of("messages"),
							"access_token", List.of(this.appToken))))
			.toList();

		assertThat(answers).allSatisfy((answer) -> assertError(answer, 2200,
				"(#2200) callback verification failed: The URL couldn't be validated. The sandbox calls back"));
		assertThat(this.callback.requests()).as("nothing was called").isEmpty();
	}

	private JsonNode subscribe(String fields) {
		return this.world.graphPost(this.path,
				Map.of("object", List.of("page"), "callback_url", List.of(this.callback.url()), "fields",
						List.of(fields), "verify_token", List.of("s3cret & co"), "include_values", List.of("true"),
						"access_token", List.of(this.appToken)));
	}

	static void assertError(JsonNode answer, int code, String messageStart) {
		assertThat(answer.path("status").asInt()).isEqualTo(400);
		assertThat(answer.path("body").path("error").path("code").asInt()).isEqualTo(code);
		assertThat(answer.path("body").path("error").path("type").asString()).isEqualTo("OAuthException");
		assertThat(answer.path("body").path("error").path("message").asString()).startsWith(messageStart);
	}

}
