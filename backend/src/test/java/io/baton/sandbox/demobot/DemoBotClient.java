package io.baton.sandbox.demobot;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.FacebookWebhooks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays Baton delivering events to the demo bot: one event per POST, signed with a plain
 * JDK {@link Mac}, with Baton's delivery headers; and reads the bot's JSON API.
 */
class DemoBotClient {

	static final String SHOP_BOT = "3000000000000003";

	static final String SHOP_SECRET = "shop-bot-secret";

	static final String PAGE = "100000000000005";

	static final String PSID = "100000000000042";

	private final SandboxWorld world;

	private final SandboxConsole console;

	DemoBotClient(SandboxWorld world) {
		this.world = world;
		this.console = new SandboxConsole(world);
	}

	/** A sandbox app whose bot is the demo bot, with nothing received and mode ok. */
	void aFreshBotApp(String appId, String secret) {
		this.console.api("POST", "/sandbox/api/apps",
				"{\"id\": \"" + appId + "\", \"name\": \"Bot " + appId + "\", \"secret\": \"" + secret + "\"}");
		this.world.sql("DELETE FROM sandbox.demo_bots WHERE app_id = '" + appId + "';"
				+ " DELETE FROM sandbox.demo_bot_receipts WHERE app_id = '" + appId + "'");
	}

	/** A person's message to the page, as Baton delivers it: one event in a batch. */
	static String aMessage(String text, long timestamp) {
		return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":" + timestamp
				+ ",\"messaging\":[{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\"" + PAGE
				+ "\"},\"timestamp\":" + timestamp + ",\"message\":{\"mid\":\"m_" + timestamp + "\",\"text\":\"" + text
				+ "\"}}]}]}";
	}

	HttpResponse<String> deliver(String appId, String secret, String body, String deliveryId, int attempt) {
		return post(appId, signature(secret, body), body, deliveryId, attempt);
	}

	HttpResponse<String> post(String appId, @Nullable String signature, String body, String deliveryId, int attempt) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.world.port + "/sandbox/demo-bot/" + appId))
			.header("Content-Type", "application/json")
			.header("X-Baton-Delivery", deliveryId)
			.header("X-Baton-Attempt", String.valueOf(attempt))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Hub-Signature-256", signature);
		}
		return this.console.send(request.build());
	}

	static String signature(String secret, String body) {
		return "sha256=" + FacebookWebhooks.hmac("HmacSHA256", secret, body.getBytes(StandardCharsets.UTF_8));
	}

	void setMode(String appId, String mode) {
		JsonNode set = api("POST", "/sandbox/api/demo-bot/" + appId + "/mode", "{\"mode\": \"" + mode + "\"}");
		assertThat(set.path("status").asInt()).isEqualTo(200);
	}

	/** What the bot received, newest first. */
	JsonNode receipts(String appId) {
		JsonNode receipts = api("GET", "/sandbox/api/demo-bot/" + appId + "/receipts", null);
		assertThat(receipts.path("status").asInt()).isEqualTo(200);
		return receipts.path("body").path("data");
	}

	/** {@code {"status", "body"}}. */
	JsonNode api(String method, String path, @Nullable String json) {
		return this.console.api(method, path, json);
	}

}
