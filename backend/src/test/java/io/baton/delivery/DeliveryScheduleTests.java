package io.baton.delivery;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.graph.AppId;
import io.baton.platform.DatabaseSettings;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.GroundTruth;
import io.baton.testing.SimulatedTime;
import io.baton.testing.Staff;
import io.baton.testing.WebhookReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery's timing with production's schedule, circuit breaker and jitter (the shared
 * test settings switch them off): the waits between retries, the circuit opening, probing
 * and closing, the bot timeout, and a bot down for an hour. Hours pass as
 * {@link SimulatedTime}; every POST is real.
 */
@BatonTest(properties = { "baton.delivery.retry-schedule=5s,15s,1m,5m,15m,30m,1h,2h,4h,8h,12h",
		"baton.delivery.jitter=0.2", "baton.delivery.circuit-threshold=5", "baton.delivery.circuit-cooldown=30s",
		"baton.delivery.circuit-max-cooldown=10m", "baton.delivery.timeout=1s", "baton.test.label=schedule" })
@DirtiesContext
@Tag("slow")
class DeliveryScheduleTests {

	static final String PAGE = "4400000000077";

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	DatabaseSettings database;

	@Value("${baton.public-url}")
	String baseUrl;

	final WebhookReceiver bot = new WebhookReceiver();

	FacebookWebhooks facebook;

	CurrentTenant acme;

	AppId app;

	String secret;

	SimulatedTime time;

	@BeforeEach
	void anAppWhoseBotListens() {
		this.facebook = new FacebookWebhooks(this.baseUrl);
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "78" + (System.nanoTime() % 10_000_000_000_000L));
		this.secret = "secret-of-" + this.app.value();
		Fixtures.botEndpointOf(this.context, this.acme, this.app, this.bot.url());
		this.time = new SimulatedTime(this.database, this.acme.id().value());
	}

	@AfterEach
	void closeTheBot() {
		this.bot.close();
	}

	@Test
	void eachRetryWaitsItsStepOfTheScheduleWithinTheJitter() throws Exception {
		this.bot.answer(500);
		send("701", "m_w1");

		List<Duration> waits = new ArrayList<>();
		for (int attempt = 1; attempt <= 4; attempt++) {
			int made = attempt;
			await().atMost(WebhookReceiver.patience()).until(() -> attemptsMade("m_w1") == made && this.time.settled());
			Duration wait = waitAfterLastAttempt("m_w1");
			waits.add(wait);
			this.time.advance(wait);
		}

		assertThat(waits.get(0)).isBetween(Duration.ofMillis(3_900), Duration.ofMillis(6_100));
		assertThat(waits.get(1)).isBetween(Duration.ofMillis(11_900), Duration.ofMillis(18_100));
		assertThat(waits.get(2)).isBetween(Duration.ofMillis(47_900), Duration.ofMillis(72_100));
		assertThat(waits.get(3)).isBetween(Duration.ofMillis(239_900), Duration.ofMillis(360_100));
		assertThat(this.bot.arrived()).isEqualTo(4);
	}

	@Test
	void theJitterSpreadsTheRetriesOfConversationsThatFailedTogether() throws Exception {
		this.bot.answer(500);
		List<String> mids = sendTogether("71", 8);

		await().atMost(WebhookReceiver.patience()).until(() -> failuresInARow() >= 5 && this.time.settled());
		List<Long> waits = new ArrayList<>();
		for (String mid : mids) {
			if (attemptsMade(mid) == 1) {
				waits.add(waitAfterLastAttempt(mid).toMillis());
			}
		}

		assertThat(waits).hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy((wait) -> assertThat(wait).isBetween(3_900L, 6_100L));
		assertThat(waits.stream().distinct().count()).as("different waits, so retries do not stampede")
			.isGreaterThanOrEqualTo(waits.size() - 1L);
	}

	@Test
	void aCircuitOpensAfterFiveFailuresLetsOneProbeThroughAtATimeAndClosesOnASuccess() throws Exception {
		this.bot.answer(500);
		List<String> mids = sendTogether("72", 6);
		await().atMost(WebhookReceiver.patience()).until(() -> failuresInARow() >= 5 && this.time.settled());
		long failures = failuresInARow();
		assertThat(this.bot.arrived()).as("no POST after the circuit opened").isEqualTo((int) failures);
		assertThat(circuitOpenFor()).as("30 s, doubled for each failure past the threshold")
			.isEqualTo(cooldownAfter(failures));

		for (int probe = 1; probe <= 5; probe++) {
			this.time.advance(circuitOpenFor().plusSeconds(1));
			long afterProbe = failures + probe;
			await().atMost(WebhookReceiver.patience())
				.until(() -> failuresInARow() == afterProbe && this.time.settled());
			assertThat(this.bot.arrived()).as("one probe per cooldown").isEqualTo((int) afterProbe);
			assertThat(circuitOpenFor()).isEqualTo(cooldownAfter(afterProbe));
		}
		assertThat(circuitOpenFor()).as("never longer than the maximum").isEqualTo(Duration.ofMinutes(10));

		this.bot.answer(200);
		this.time.advance(Duration.ofMinutes(11));
		await().atMost(WebhookReceiver.patience()).until(() -> delivered() == mids.size());
		assertThat(failuresInARow()).isZero();
		assertThat(circuitOpenFor()).isNull();
	}

	/** What the settings above make of an endpoint's failures in a row. */
	private static Duration cooldownAfter(long failures) {
		Duration doubled = Duration.ofSeconds(30).multipliedBy(1L << (failures - 5));
		return (doubled.compareTo(Duration.ofMinutes(10)) > 0) ? Duration.ofMinutes(10) : doubled;
	}

	@Test
	void aBotThatDoesNotAnswerWithinTheTimeoutIsATimedOutAttempt() throws Exception {
		this.bot.hold();
		send("731", "m_t1");

		await().atMost(WebhookReceiver.patience()).until(() -> attemptsMade("m_t1") >= 1);
		List<String> attempt = GroundTruth.rows(this.database, """
				SELECT a.outcome || ' ' || a.duration_ms FROM baton.delivery_attempts a
				  JOIN baton.deliveries d ON d.id = a.delivery_id WHERE d.mid = 'm_t1' ORDER BY a.attempt""",
				(row) -> row.getString(1));
		String[] outcomeAndDuration = attempt.get(0).split(" ");
		assertThat(outcomeAndDuration[0]).isEqualTo("timeout");
		assertThat(Long.parseLong(outcomeAndDuration[1])).isBetween(1_000L, 5_000L);
		this.bot.release();
	}

	@Test
	void aBotDownForAnHourGetsEveryEventOnceAndInOrderWhenItReturnsWithoutBurningItsRetries() throws Exception {
		this.bot.answer(503);
		Map<String, List<String>> sentByPerson = new LinkedHashMap<>();
		for (int message = 1; message <= 3; message++) {
			for (String person : List.of("741", "742", "743")) {
				String text = person + "-" + message;
				sentByPerson.computeIfAbsent(person, (key) -> new ArrayList<>()).add(text);
				assertThat(this.facebook.post(this.app.value(), this.secret,
						batch(PAGE, message(PAGE, person, "m_h" + text, text))))
					.isEqualTo(200);
			}
		}

		for (int minute = 0; minute < 60; minute += 2) {
			await().atMost(WebhookReceiver.patience()).until(() -> routed() == 9 && this.time.settled());
			this.time.advance(Duration.ofMinutes(2));
		}
		await().atMost(WebhookReceiver.patience()).until(this.time::settled);
		int postsDuringTheHour = this.bot.arrived();
		assertThat(postsDuringTheHour).as("the open circuit holds the POSTs back to a probe at a time")
			.isBetween(6, 20);
		assertThat(statuses()).as("nothing dead, nothing delivered").containsOnly("pending");

		this.bot.answer(200);
		for (int step = 0; step < 20 && delivered() < 9; step++) {
			this.time.advance(Duration.ofMinutes(10));
			await().atMost(WebhookReceiver.patience()).until(this.time::settled);
		}

		assertThat(statuses()).containsOnly("delivered");
		Map<String, List<String>> receivedByPerson = new LinkedHashMap<>();
		for (JsonNode event : this.bot.events("messaging")) {
			receivedByPerson.computeIfAbsent(event.path("sender").path("id").asString(), (key) -> new ArrayList<>())
				.add(event.path("message").path("text").asString());
		}
		assertThat(receivedByPerson).isEqualTo(sentByPerson);
		assertThat(failuresInARow()).isZero();
		System.out.printf("An hour down: %d POSTs during the outage, %d in all for 9 events, %d attempts at most%n",
				postsDuringTheHour, this.bot.arrived(),
				single("SELECT max(attempts) FROM baton.deliveries WHERE tenant_id = '" + this.acme.id().value()
						+ "'"));
	}

	/**
	 * One batch with a message from each of several people, so that their deliveries are
	 * routed in one transaction and claimed together.
	 */
	private List<String> sendTogether(String prefix, int people) throws Exception {
		List<String> mids = new ArrayList<>();
		List<JsonNode> events = new ArrayList<>();
		for (int person = 0; person < people; person++) {
			String mid = "m_" + prefix + person;
			mids.add(mid);
			events.add(message(PAGE, prefix + person, mid, mid));
		}
		assertThat(this.facebook.post(this.app.value(), this.secret, batch(PAGE, events))).isEqualTo(200);
		return mids;
	}

	private void send(String person, String mid) throws Exception {
		assertThat(this.facebook.post(this.app.value(), this.secret, batch(PAGE, message(PAGE, person, mid, mid))))
			.isEqualTo(200);
	}

	private int attemptsMade(String mid) throws SQLException {
		return single("SELECT count(*) FROM baton.delivery_attempts a JOIN baton.deliveries d ON d.id = a.delivery_id"
				+ " WHERE d.tenant_id = '%s' AND d.mid = '%s'".formatted(this.acme.id().value(), mid))
			.intValue();
	}

	/**
	 * The wait the last failed attempt set: from when it was made to when the next is
	 * due.
	 */
	private Duration waitAfterLastAttempt(String mid) throws SQLException {
		return Duration.ofMillis(single("""
				SELECT round(extract(epoch FROM d.next_attempt_at - max(a.at)) * 1000)::bigint
				  FROM baton.deliveries d JOIN baton.delivery_attempts a ON a.delivery_id = d.id
				 WHERE d.tenant_id = '%s' AND d.mid = '%s' GROUP BY d.next_attempt_at"""
			.formatted(this.acme.id().value(), mid)));
	}

	private long failuresInARow() throws SQLException {
		List<Long> failures = GroundTruth.rows(this.database,
				"SELECT consecutive_failures FROM baton.endpoint_states WHERE app_id = '" + this.app.value() + "'",
				(row) -> row.getLong(1));
		return failures.isEmpty() ? 0 : failures.get(0);
	}

	/**
	 * How long the circuit stays open after the failure that set it, or null when closed.
	 */
	private Duration circuitOpenFor() throws SQLException {
		List<Long> open = GroundTruth.rows(this.database, """
				SELECT round(extract(epoch FROM circuit_open_until - last_failure_at) * 1000)::bigint
				  FROM baton.endpoint_states WHERE app_id = '%s' AND circuit_open_until IS NOT NULL"""
			.formatted(this.app.value()), (row) -> row.getLong(1));
		return open.isEmpty() ? null : Duration.ofSeconds(Math.round(open.get(0) / 1000.0));
	}

	private long delivered() throws SQLException {
		return statuses().stream().filter("delivered"::equals).count();
	}

	private long routed() throws SQLException {
		return statuses().size();
	}

	private List<String> statuses() throws SQLException {
		return GroundTruth.rows(this.database,
				"SELECT status FROM baton.deliveries WHERE tenant_id = '" + this.acme.id().value() + "' ORDER BY id",
				(row) -> row.getString(1));
	}

	private Long single(String query) throws SQLException {
		return GroundTruth.rows(this.database, query, (row) -> row.getLong(1)).get(0);
	}

}
