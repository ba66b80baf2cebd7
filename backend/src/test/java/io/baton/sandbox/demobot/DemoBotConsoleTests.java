package io.baton.sandbox.demobot;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.baton.sandbox.demobot.DemoBotClient.SHOP_BOT;
import static io.baton.sandbox.demobot.DemoBotClient.SHOP_SECRET;
import static io.baton.sandbox.demobot.DemoBotClient.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** What the demo bot received, as figures, JSON and its page. */
@BatonTest
class DemoBotConsoleTests {

	@Autowired
	Environment environment;

	SandboxWorld world;

	DemoBotClient baton;

	@BeforeEach
	void aBotAppWithNothingReceived() {
		this.world = new SandboxWorld(this.environment);
		this.baton = new DemoBotClient(this.world);
		this.baton.aFreshBotApp(SHOP_BOT, SHOP_SECRET);
	}

	@Test
	void statsArePercentilesOfTheLatenciesOfAcceptedRequests() {
		receivedWithLatencies("accepted", "2026-01-01 12:00:00+00", 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
		receivedWithLatencies("failed", "2026-01-01 12:00:00+00", 9000);
		receivedWithLatencies("refused", "2026-01-01 12:00:00+00", 9000);
		receivedWithLatencies("accepted", "2025-01-01 12:00:00+00", 5);
		long since = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

		JsonNode stats = this.baton.api("GET", "/sandbox/api/demo-bot/" + SHOP_BOT + "/stats?since=" + since, null);

		assertThat(stats.path("status").asInt()).isEqualTo(200);
		JsonNode body = stats.path("body");
		assertThat(body.path("count").asLong()).isEqualTo(10);
		assertThat(body.path("distinct_delivery_ids").asLong()).isEqualTo(9);
		assertThat(body.path("failed").asLong()).isEqualTo(1);
		assertThat(body.path("refused").asLong()).isEqualTo(1);
		assertThat(body.path("latency_ms").path("p50").asDouble()).isEqualTo(55.0);
		assertThat(body.path("latency_ms").path("p95").asDouble()).isCloseTo(95.5, offset(1e-9));
		assertThat(body.path("latency_ms").path("p99").asDouble()).isCloseTo(99.1, offset(1e-9));
		assertThat(body.path("latency_ms").path("max").asLong()).isEqualTo(100);
	}

	@Test
	void statsOfNothingReceivedAreZeroCountsAndNoLatencies() {
		JsonNode stats = this.baton.api("GET", "/sandbox/api/demo-bot/" + SHOP_BOT + "/stats", null).path("body");

		assertThat(stats.path("count").asLong()).isZero();
		assertThat(stats.path("latency_ms").path("p50").isNull()).isTrue();
	}

	@Test
	void listsReceiptsNewestFirstSinceATimeAndUpToALimit() {
		receivedWithLatencies("accepted", "2025-01-01 12:00:00+00", 1);
		receivedWithLatencies("accepted", "2026-01-01 12:00:00+00", 2, 3, 4);
		long since = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

		JsonNode listed = this.baton.api("GET",
				"/sandbox/api/demo-bot/" + SHOP_BOT + "/receipts?since=" + since + "&limit=2", null);

		assertThat(listed.path("body").path("data")).extracting((receipt) -> receipt.path("latency_ms").asLong())
			.containsExactly(4L, 3L);
		assertThat(this.baton.api("GET", "/sandbox/api/demo-bot/" + SHOP_BOT + "/receipts?since=soon", null)
			.path("status")
			.asInt()).isEqualTo(400);
		assertThat(
				this.baton.api("GET", "/sandbox/api/demo-bot/9999999999999999/receipts", null).path("status").asInt())
			.isEqualTo(404);
	}

	@Test
	void clearingForgetsWhatTheAppReceived() {
		this.baton.deliver(SHOP_BOT, SHOP_SECRET, aMessage("Hi", System.currentTimeMillis()), "d-1", 1);

		JsonNode cleared = this.baton.api("DELETE", "/sandbox/api/demo-bot/" + SHOP_BOT + "/receipts", null);

		assertThat(cleared.path("body").path("deleted").asLong()).isEqualTo(1);
		assertThat(this.baton.receipts(SHOP_BOT)).isEmpty();
	}

	@Test
	void thePageShowsEachAppsEndpointModeAndWhatItReceived() {
		this.baton.deliver(SHOP_BOT, SHOP_SECRET, aMessage("Pain au chocolat?", System.currentTimeMillis()),
				"delivery-77", 3);

		HttpResponse<String> page = this.world.browser.get("/sandbox/demo-bot");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self'"));
		assertThat(page.body()).contains("Bot " + SHOP_BOT)
			.contains("http://localhost:" + this.world.port + "/sandbox/demo-bot/" + SHOP_BOT)
			.contains("delivery-77")
			.contains("Pain au chocolat?")
			.contains(" ms</td>")
			.doesNotContain("<script>");
	}

	@Test
	void theModeButtonsNeedTheSandboxsCsrfToken() {
		HttpResponse<String> page = this.world.browser.get("/sandbox/demo-bot");

		HttpResponse<String> forged = this.world.browser.postForm("/sandbox/demo-bot/" + SHOP_BOT + "/mode",
				Map.of("mode", List.of("fail")));
		HttpResponse<String> clicked = this.world.browser.post("/sandbox/demo-bot/" + SHOP_BOT + "/mode", page.body(),
				Map.of("mode", List.of("fail")));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(clicked.statusCode()).isEqualTo(303);
		assertThat(this.world.queryOne("SELECT mode FROM sandbox.demo_bots WHERE app_id = '" + SHOP_BOT + "'"))
			.isEqualTo("fail");
		assertThat(this.baton.deliver(SHOP_BOT, SHOP_SECRET, aMessage("Hi", System.currentTimeMillis()), "d-1", 1)
			.statusCode()).isEqualTo(500);
	}

	@Test
	void theConsoleAndTheSimulatorLinkToTheDemoBot() {
		assertThat(this.world.browser.get("/sandbox/console").body()).contains("href=\"/sandbox/demo-bot\"");
		assertThat(this.world.browser.get("/sandbox/messenger").body()).contains("href=\"/sandbox/demo-bot\"");
	}

	/**
	 * Requests received at {@code receivedAt}, one per latency, their events that many ms
	 * older; delivery ids d-1, d-2, … with the last two alike.
	 */
	private void receivedWithLatencies(String outcome, String receivedAt, long... latencies) {
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < latencies.length; i++) {
			String delivery = "d-" + Math.min(i + 1, Math.max(latencies.length - 1, 1));
			values.append((i > 0) ? ", " : "")
				.append("('" + SHOP_BOT + "', '" + outcome + "', " + !"refused".equals(outcome) + ", '" + delivery
						+ "', TIMESTAMPTZ '" + receivedAt + "' - INTERVAL '" + latencies[i] + " ms', TIMESTAMPTZ '"
						+ receivedAt + "', '{}')");
		}
		this.world.sql("INSERT INTO sandbox.demo_bot_receipts (app_id, outcome, signature_valid, delivery_id,"
				+ " event_at, received_at, body) VALUES " + values);
	}

}
