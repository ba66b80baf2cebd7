package io.baton.delivery.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.testing.BatonProcess;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.TcpProxy;
import io.baton.testing.TcpProxy.Mode;
import io.baton.testing.WebhookBodies;
import io.baton.testing.WebhookReceiver;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thirty seconds without the database, twice, under steady webhook load: Baton in a child
 * process reaches PostgreSQL through a TCP proxy that first refuses every connection (the
 * database is down) and later passes nothing (the network drops packets). Intake answers
 * 503 while it cannot store, never another 5xx; health says so; everything answered 200
 * reaches the bot once the database is back, without anyone restarting anything. The
 * shared cluster is never stopped. Slow tier: a child JVM and a minute and a half.
 */
@Tag("slow")
@BatonTest(properties = { "baton.routing.enabled=false", "baton.delivery.enabled=false" })
@DirtiesContext
class DatabaseOutageTests {

	static final String PAGE = "4400000000088";

	static final Duration OUTAGE = Duration.ofSeconds(30);

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	WebhookReceiver bot;

	BatonProcesses batons;

	TcpProxy proxy;

	AppWithBot app;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@BeforeEach
	void aBatonBehindAProxy() {
		this.bot = new WebhookReceiver();
		this.batons = new BatonProcesses(this.environment);
		this.app = AppWithBot.listeningAt(this.context, this.bot);
		this.proxy = new TcpProxy(this.environment.getRequiredProperty("baton.db.host"),
				Integer.parseInt(this.environment.getRequiredProperty("baton.db.port")));
	}

	@AfterEach
	void stopEverything() {
		this.batons.close();
		this.proxy.close();
		this.bot.close();
	}

	@Test
	void nothingAcknowledgedIsLostAndWorkResumesAfterTheDatabaseIsDownAndThenUnreachable() throws Exception {
		BatonProcess baton = this.batons.start("outage", "baton.db.port=" + this.proxy.port());
		Load load = new Load(baton);
		try {
			load.during(Duration.ofSeconds(5), "before");
			Map<String, Integer> healthDown = new TreeMap<>();
			for (Mode outage : new Mode[] { Mode.REFUSE, Mode.BLACK_HOLE }) {
				this.proxy.set(outage);
				healthDown.put(outage.name(), load.duringWatchingHealth(OUTAGE, outage.name()));
				this.proxy.set(Mode.FORWARD);
				long back = System.nanoTime();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> load.acknowledgedSince(back) > 0);
				load.during(Duration.ofSeconds(5), "after " + outage.name());
			}
			load.stop();

			Set<String> acknowledged = load.acknowledged();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(mids(this.bot)).containsAll(acknowledged));
			System.out.printf(
					"Database outages: answers by phase %s; health not UP during %s; %d acknowledged, all"
							+ " delivered; failed POSTs %s%n",
					load.answers(), healthDown, acknowledged.size(), load.failures);
			// -1 is a POST whose connection broke before any answer (a kept-alive
			// connection
			// closed just then): no answer at all, which Facebook retries like a 503.
			assertThat(load.answers()).allSatisfy((phase,
					statuses) -> assertThat(statuses.keySet()).as("answers during %s", phase).isSubsetOf(200, 503, -1));
			assertThat(load.answers().get(Mode.REFUSE.name())).as("refused while the database is down")
				.containsKey(503);
			assertThat(load.answers().get(Mode.BLACK_HOLE.name())).as("refused while the database is unreachable")
				.containsKey(503);
			assertThat(healthDown.get(Mode.REFUSE.name())).as("health checks that said the database is down")
				.isPositive();
			assertThat(healthOf(baton)).isEqualTo(200);
		}
		finally {
			load.stop();
		}
	}

	private static Set<String> mids(WebhookReceiver bot) {
		return bot.deliveries()
			.stream()
			.flatMap((delivery) -> delivery.entries().stream())
			.flatMap((entry) -> java.util.stream.StreamSupport.stream(entry.path("messaging").spliterator(), false))
			.map((JsonNode event) -> event.path("message").path("mid").asString(""))
			.collect(Collectors.toSet());
	}

	private int healthOf(BatonProcess baton) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(baton.baseUrl() + "/actuator/health"))
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	/** Four senders posting one message each, again and again, to one Baton. */
	final class Load {

		private final ExecutorService senders = Executors.newFixedThreadPool(4);

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicReference<String> phase = new AtomicReference<>("before");

		private final AtomicInteger number = new AtomicInteger();

		private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();

		private final Map<String, Map<Integer, Integer>> answers = new ConcurrentHashMap<>();

		private final FacebookWebhooks facebook;

		private final Set<String> failures = ConcurrentHashMap.newKeySet();

		Load(BatonProcess baton) {
			this.facebook = new FacebookWebhooks(baton.baseUrl());
			for (int i = 0; i < 4; i++) {
				int sender = i;
				this.senders.submit(() -> send(sender));
			}
		}

		private void send(int sender) {
			while (this.running.get()) {
				String mid = "m_outage_" + this.number.incrementAndGet();
				String phaseNow = this.phase.get();
				int status;
				String failure = null;
				try {
					status = this.facebook.post(DatabaseOutageTests.this.app.app().value(),
							DatabaseOutageTests.this.app.secret(),
							WebhookBodies.batch(PAGE, WebhookBodies.message(PAGE, "70" + sender, mid, "hello " + mid)));
				}
				catch (Exception ex) {
					status = -1;
				}
				this.answers.computeIfAbsent(phaseNow, (key) -> new ConcurrentHashMap<>())
					.merge(status, 1, Integer::sum);
				if (status == 200) {
					this.acknowledgedAt.put(mid, System.nanoTime());
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void during(Duration time, String name) throws InterruptedException {
			this.phase.set(name);
			Thread.sleep(time.toMillis());
		}

		/** Answers how many health checks said the database was not up. */
		int duringWatchingHealth(Duration time, String name) throws InterruptedException {
			this.phase.set(name);
			int down = 0;
			long until = System.nanoTime() + time.toNanos();
			while (System.nanoTime() < until) {
				int health = healthOf(DatabaseOutageTests.this.batons.started().get(0));
				if (health == 503) {
					down++;
				}
				Thread.sleep(1000);
			}
			return down;
		}

		long acknowledgedSince(long nanos) {
			return this.acknowledgedAt.values().stream().filter((at) -> at > nanos).count();
		}

		Set<String> acknowledged() {
			return Set.copyOf(this.acknowledgedAt.keySet());
		}

		Map<String, Map<Integer, Integer>> answers() {
			Map<String, Map<Integer, Integer>> sorted = new TreeMap<>();
			this.answers.forEach((phase, statuses) -> sorted.put(phase, new TreeMap<>(statuses)));
			return sorted;
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.senders.shutdownNow();
			this.senders.awaitTermination(30, TimeUnit.SECONDS);
		}

	}

}
