package io.baton.sandbox.demobot;

import java.net.http.HttpResponse;

import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

import static io.baton.sandbox.demobot.DemoBotClient.PAGE;
import static io.baton.sandbox.demobot.DemoBotClient.PSID;
import static io.baton.sandbox.demobot.DemoBotClient.SHOP_BOT;
import static io.baton.sandbox.demobot.DemoBotClient.SHOP_SECRET;
import static io.baton.sandbox.demobot.DemoBotClient.aMessage;
import static io.baton.sandbox.demobot.DemoBotClient.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo bot receiving Baton's deliveries as a bot would. It keeps three requests per
 * app here (the demo keeps ten thousand), so this class has a context of its own, closed
 * after it.
 */
@BatonTest(properties = { "baton.sandbox.demo-bot.keep=3", "baton.sandbox.demo-bot.prune-every=1",
		"baton.sandbox.demo-bot.slow-delay=400ms" })
@DirtiesContext
class DemoBotEndpointTests {

	static final String OTHER_BOT = "3000000000000004";

	static final String OTHER_SECRET = "other-bot-secret";

	@Autowired
	Environment environment;

	SandboxWorld world;

	DemoBotClient baton;

	@BeforeEach
	void aBotAppWithNothingReceived() {
		this.world = new SandboxWorld(this.environment);
		this.baton = new DemoBotClient(this.world);
		this.baton.aFreshBotApp(SHOP_BOT, SHOP_SECRET);
		this.baton.aFreshBotApp(OTHER_BOT, OTHER_SECRET);
	}

	@Test
	void acceptsACorrectlySignedEventAndListsItWithItsLatency() {
		long sentAt = System.currentTimeMillis() - 1500;
		long before = System.currentTimeMillis();

		HttpResponse<String> answer = this.baton.deliver(SHOP_BOT, SHOP_SECRET, aMessage("Any croissants?", sentAt),
				"d-1", 1);
		long after = System.currentTimeMillis();

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("EVENT_RECEIVED");
		JsonNode receipt = this.baton.receipts(SHOP_BOT).get(0);
		assertThat(receipt.path("outcome").asString()).isEqualTo("accepted");
		assertThat(receipt.path("signature_valid").asBoolean()).isTrue();
		assertThat(receipt.path("delivery_id").asString()).isEqualTo("d-1");
		assertThat(receipt.path("attempt").asInt()).isEqualTo(1);
		assertThat(receipt.path("page_id").asString()).isEqualTo(PAGE);
		assertThat(receipt.path("psid").asString()).isEqualTo(PSID);
		assertThat(receipt.path("kind").asString()).isEqualTo("messaging");
		assertThat(receipt.path("event").asString()).isEqualTo("message");
		assertThat(receipt.path("mid").asString()).isEqualTo("m_" + sentAt);
		assertThat(receipt.path("text").asString()).isEqualTo("Any croissants?");
		assertThat(receipt.path("timestamp").asLong()).isEqualTo(sentAt);
		assertThat(receipt.path("latency_ms").asLong()).isBetween(before - sentAt, after - sentAt);
		assertThat(receipt.path("body").asString()).isEqualTo(aMessage("Any croissants?", sentAt));
	}

	@Test
	void listsAStandbyEventAsStandby() {
		String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1,\"standby\":[{\"sender\":"
				+ "{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\"" + PAGE + "\"},\"timestamp\":1,"
				+ "\"read\":{\"watermark\":1}}]}]}";

		HttpResponse<String> answer = this.baton.deliver(SHOP_BOT, SHOP_SECRET, body, "d-standby", 1);

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode receipt = this.baton.receipts(SHOP_BOT).get(0);
		assertThat(receipt.path("kind").asString()).isEqualTo("standby");
		assertThat(receipt.path("event").asString()).isEqualTo("read");
		assertThat(receipt.path("text").isNull()).isTrue();
	}

	@Test
	void refusesAWrongOrMissingSignatureWith403AndRecordsTheRefusals() {
		String body = aMessage("Hello", System.currentTimeMillis());

		HttpResponse<String> wrong = this.baton.post(SHOP_BOT, signature("not-the-secret", body), body, "d-2", 1);
		HttpResponse<String> missing = this.baton.post(SHOP_BOT, null, body, "d-2", 2);

		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(missing.statusCode()).isEqualTo(403);
		JsonNode receipts = this.baton.receipts(SHOP_BOT);
		assertThat(receipts).hasSize(2).allSatisfy((receipt) -> {
			assertThat(receipt.path("outcome").asString()).isEqualTo("refused");
			assertThat(receipt.path("signature_valid").asBoolean()).isFalse();
			assertThat(receipt.path("delivery_id").asString()).isEqualTo("d-2");
			assertThat(receipt.path("text").asString()).isEqualTo("Hello");
		});
		assertThat(this.baton.api("GET", "/sandbox/api/demo-bot/" + SHOP_BOT + "/stats", null)
			.path("body")
			.path("count")
			.asLong()).isZero();
	}

	@Test
	void answers404ForAnAppTheSandboxDoesNotKnow() {
		String body = aMessage("Hello", System.currentTimeMillis());

		HttpResponse<String> answer = this.baton.deliver("9999999999999999", SHOP_SECRET, body, "d-3", 1);

		assertThat(answer.statusCode()).isEqualTo(404);
	}

	@Test
	void answers400ForASignedBodyThatIsNotABatch() {
		String notJson = "croissants";
		String notAPageBatch = "{\"object\":\"user\",\"entry\":[]}";
		String noEvent = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1,\"messaging\":[]}]}";

		for (String body : new String[] { notJson, notAPageBatch, noEvent }) {
			assertThat(this.baton.deliver(SHOP_BOT, SHOP_SECRET, body, "d-4", 1).statusCode()).as(body).isEqualTo(400);
		}

		assertThat(this.baton.receipts(SHOP_BOT)).hasSize(3).allSatisfy((receipt) -> {
			assertThat(receipt.path("outcome").asString()).isEqualTo("refused");
			assertThat(receipt.path("signature_valid").asBoolean()).isTrue();
			assertThat(receipt.path("event").isNull()).isTrue();
		});
	}

	@Test
	void failModeAnswers500AndRecordsTheAttemptsUntilOkRestoresIt() {
		String body = aMessage("Are you there?", System.currentTimeMillis());
		this.baton.setMode(SHOP_BOT, "fail");

		HttpResponse<String> failed = this.baton.deliver(SHOP_BOT, SHOP_SECRET, body, "d-5", 1);
		this.baton.setMode(SHOP_BOT, "ok");
		HttpResponse<String> retried = this.baton.deliver(SHOP_BOT, SHOP_SECRET, body, "d-5", 2);

		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(retried.statusCode()).isEqualTo(200);
		JsonNode receipts = this.baton.receipts(SHOP_BOT);
		assertThat(receipts)
			.extracting((receipt) -> receipt.path("outcome").asString() + " " + receipt.path("delivery_id").asString()
					+ "#" + receipt.path("attempt").asInt())
			.containsExactly("accepted d-5#2", "failed d-5#1");
	}

	@Test
	void slowModeAnswers200Late() {
		String body = aMessage("Take your time", System.currentTimeMillis());
		this.baton.setMode(SHOP_BOT, "slow");
		long start = System.nanoTime();

		HttpResponse<String> answer = this.baton.deliver(SHOP_BOT, SHOP_SECRET, body, "d-6", 1);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
	}

	@Test
	void keepsOnlyTheNewestRequestsOfEachApp() {
		for (int i = 1; i <= 5; i++) {
			this.baton.deliver(SHOP_BOT, SHOP_SECRET, aMessage("n" + i, System.currentTimeMillis()), "d-" + i, 1);
		}

		this.baton.deliver(OTHER_BOT, OTHER_SECRET, aMessage("other", System.currentTimeMillis()), "o-1", 1);

		assertThat(this.baton.receipts(SHOP_BOT)).extracting((receipt) -> receipt.path("delivery_id").asString())
			.containsExactly("d-5", "d-4", "d-3");
		assertThat(this.world.queryOne("SELECT count(*) FROM sandbox.demo_bot_receipts WHERE app_id IN ('" + SHOP_BOT
				+ "', '" + OTHER_BOT + "')"))
			.isEqualTo("4");
	}

	@Test
	void setsModesOnlyToOkFailOrSlowOfKnownApps() {
		JsonNode sideways = this.baton.api("POST", "/sandbox/api/demo-bot/" + SHOP_BOT + "/mode",
				"{\"mode\": \"sideways\"}");
		JsonNode notJson = this.baton.api("POST", "/sandbox/api/demo-bot/" + SHOP_BOT + "/mode", "fail");
		JsonNode unknownApp = this.baton.api("POST", "/sandbox/api/demo-bot/9999999999999999/mode",
				"{\"mode\": \"fail\"}");

		assertThat(sideways.path("status").asInt()).isEqualTo(400);
		assertThat(sideways.path("body").path("error").path("message").asString()).contains("ok, fail, slow");
		assertThat(notJson.path("status").asInt()).isEqualTo(400);
		assertThat(unknownApp.path("status").asInt()).isEqualTo(404);
		assertThat(unknownApp.path("body").path("error").path("status").asInt()).isEqualTo(404);
	}

}
