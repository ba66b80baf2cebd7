package io.baton.delivery.process;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.baton.delivery.process.MessengerTraffic.Message;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonProcess;
import io.baton.testing.BatonTest;
import io.baton.testing.WebhookReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Baton's delivery guarantees where they are at stake: Baton as separate operating-system
 * processes on one database, killed ({@code SIGKILL}) in the middle of a stream of
 * webhooks, or two of them side by side. This test's own context only seeds the database
 * (its routing and delivery are off) and watches it; the children route and deliver. Slow
 * tier: it starts child JVMs.
 */
@Tag("slow")
@BatonTest(properties = { "baton.routing.enabled=false", "baton.delivery.enabled=false" })
@DirtiesContext
class DeliveryAcrossProcessesTests {

	static final String PAGE = "4400000000077";

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	TenantTransactions transactions;

	WebhookReceiver bot;

	BatonProcesses batons;

	AppWithBot app;

	@BeforeEach
	void anAppWhoseBotListens() {
		this.bot = new WebhookReceiver();
		this.batons = new BatonProcesses(this.environment);
		this.app = AppWithBot.listeningAt(this.context, this.bot);
	}

	@AfterEach
	void stopEverything() {
		this.batons.close();
		this.bot.close();
	}

	/**
	 * Every event Facebook got a 200 for reaches the bot after a crash and a restart: at
	 * least once, always under the same delivery id, in order per conversation.
	 */
	@Test
	void everyAcknowledgedEventReachesTheBotAfterBatonIsKilledMidStream() throws Exception {
		long started = System.nanoTime();
		MessengerTraffic traffic = MessengerTraffic.toPage(PAGE, 4, 5, 50, 20260101);
		try (WebhookSenders facebook = new WebhookSenders(traffic, this.app)) {
			BatonProcess first = this.batons.start("crash-first");
			facebook.send(10, (stream, number) -> List.of(first)).get(30, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> BotInbox.of(this.bot).messages().containsAll(facebook.acknowledgedMessages()));

			this.bot.hold();
			CompletableFuture<Void> sending = facebook.sendRest(first);
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> facebook.acknowledgedBatches() >= 48 && aPostIsInFlightAtTheBot());
			first.kill();
			assertThat(first.isAlive()).isFalse();
			this.bot.release();
			sending.get(30, TimeUnit.SECONDS);
			int sentToTheFirst = facebook.batchesGonePast();
			BatonProcess second = this.batons.start("crash-second");
			facebook.sendRest(second).get(30, TimeUnit.SECONDS);

			Set<Message> acknowledged = facebook.acknowledgedMessages();
			await().atMost(Duration.ofSeconds(40))
				.until(() -> BotInbox.of(this.bot).messages().containsAll(acknowledged));
			BotInbox inbox = BotInbox.of(this.bot);
			assertThat(facebook.failures()).as("POSTs cut off by the kill").isPositive();
			assertThat(sentToTheFirst).as("batches sent before the restart").isLessThan(traffic.batches());
			assertThat(inbox.messages()).containsAll(acknowledged)
				.isSubsetOf(traffic.messages())
				.hasSize((int) inbox.distinctDeliveryIds());
			assertThat(inbox.deliveryIdsByMessage()).allSatisfy((message, ids) -> assertThat(ids).hasSize(1));
			assertThat(inbox.conversations()).allSatisfy((psid, numbers) -> assertThat(numbers).isSorted());
			assertThat(inbox.posts()).as("deliveries the killed process had leased, taken over")
				.anySatisfy((post) -> assertThat(post.attempt()).isGreaterThan(1));
			System.out.printf(
					"Crash: %d messages in %d batches; %d POSTs, %d cut off by the kill; %d messages acknowledged;"
							+ " the bot got %d POSTs of %d messages (%d again after the restart); %d ms%n",
					traffic.messages().size(), traffic.batches(), facebook.posts(), facebook.failures(),
					acknowledged.size(), inbox.posts().size(), inbox.messages().size(),
					inbox.posts().size() - inbox.messages().size(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
	}

	/**
	 * Each process receives part of the traffic and a quarter of the batches come twice
	 * (Facebook sending again): the bot gets every event exactly once, in order per
	 * conversation.
	 */
	@Test
	void twoProcessesDeliverEachEventExactlyOnceInOrderPerConversation() throws Exception {
		long started = System.nanoTime();
		MessengerTraffic traffic = MessengerTraffic.toPage(PAGE, 4, 5, 40, 20260102);
		CompletableFuture<BatonProcess> starting = CompletableFuture
			.supplyAsync(() -> this.batons.start("pair-second"));
		BatonProcess first = this.batons.start("pair-first");
		BatonProcess second = starting.get(90, TimeUnit.SECONDS);

		try (WebhookSenders facebook = new WebhookSenders(traffic, this.app)) {
			facebook
				.send(Integer.MAX_VALUE,
						(stream, number) -> (number % 4 == 3) ? List.of(second, first)
								: List.of(((stream + number) % 2 == 0) ? first : second))
				.get(60, TimeUnit.SECONDS);

			assertThat(facebook.failures()).isZero();
			await().atMost(Duration.ofSeconds(40))
				.until(() -> BotInbox.of(this.bot).messages().size() == traffic.messages().size());
			await().atMost(Duration.ofSeconds(10))
				.during(Duration.ofSeconds(1))
				.until(() -> everyDeliveryIsDeliveredAndNoneLeased(traffic.messages().size()));
			BotInbox inbox = BotInbox.of(this.bot);
			assertThat(inbox.messages()).containsExactlyInAnyOrderElementsOf(traffic.messages());
			assertThat(inbox.posts()).hasSameSizeAs(traffic.messages());
			assertThat(inbox.distinctDeliveryIds()).isEqualTo(traffic.messages().size());
			assertThat(inbox.conversations()).allSatisfy((psid, numbers) -> assertThat(numbers).isSorted());
			System.out.printf(
					"Two processes: %d messages in %d batches, %d POSTs (%d batches twice);"
							+ " the bot got %d POSTs under %d delivery ids; %d ms%n",
					traffic.messages().size(), traffic.batches(), facebook.posts(),
					facebook.posts() - traffic.batches(), inbox.posts().size(), inbox.distinctDeliveryIds(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
	}

	/**
	 * {@code SIGTERM} while POSTs are in flight at the bot: the process stops claiming,
	 * lets those POSTs finish and records them, and exits within the grace period holding
	 * no lease; a second process then delivers the rest, each event once.
	 */
	@Test
	void sigtermLetsInFlightDeliveriesFinishAndLeavesNoLeaseBehind() throws Exception {
		MessengerTraffic traffic = MessengerTraffic.toPage(PAGE, 4, 5, 30, 20260103);
		try (WebhookSenders facebook = new WebhookSenders(traffic, this.app)) {
			// Leases longer than the bot holds its answers, so no POST is sent again
			// because
			// a lease ran out: every extra POST would be the stop's doing.
			BatonProcess first = this.batons.start("sigterm-first", "baton.delivery.lease=30s");
			this.bot.hold();
			facebook.send(10, (stream, number) -> List.of(first)).get(30, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(5))
				.until(this::aPostIsInFlightAtTheBot);
			int inFlight = this.bot.arrived() - this.bot.deliveries().size();

			CompletableFuture<Boolean> stopping = CompletableFuture
				.supplyAsync(() -> first.terminate(Duration.ofSeconds(30)));
			Thread.sleep(1000);
			this.bot.release();
			assertThat(stopping.get(40, TimeUnit.SECONDS)).as("exited within the grace period").isTrue();
			long leftLeased = count(
					"SELECT count(*) FROM deliveries WHERE leased_by IS NOT NULL AND status = 'pending'");
			long delivered = count("SELECT count(*) FROM deliveries WHERE status = 'delivered'");

			BatonProcess second = this.batons.start("sigterm-second", "baton.delivery.lease=30s");
			facebook.sendRest(second).get(30, TimeUnit.SECONDS);
			Set<Message> acknowledged = facebook.acknowledgedMessages();
			await().atMost(Duration.ofSeconds(40))
				.until(() -> BotInbox.of(this.bot).messages().containsAll(acknowledged));
			BotInbox inbox = BotInbox.of(this.bot);
			System.out.printf(
					"SIGTERM: %d POSTs in flight at the signal, %d deliveries recorded delivered by the"
							+ " first process, %d leases left; the bot got %d POSTs of %d messages%n",
					inFlight, delivered, leftLeased, inbox.posts().size(), inbox.messages().size());
			assertThat(inFlight).isPositive();
			assertThat(leftLeased).as("leases the stopped process still held").isZero();
			assertThat(delivered).as("in-flight POSTs finished and recorded").isGreaterThanOrEqualTo(inFlight);
			assertThat(inbox.deliveryIdsByMessage()).allSatisfy((message, ids) -> assertThat(ids).hasSize(1));
			assertThat(inbox.posts()).as("nothing the first process finished was sent again")
				.hasSize(inbox.messages().size());
		}
	}

	private long count(String sql) {
		return this.transactions
			.inTenant(this.app.tenant().id(), (db) -> db.sql(sql).map((row) -> row.get(0, Long.class)).one())
			.block();
	}

	/**
	 * The bot holds its answers: a POST that arrived and is not recorded is in flight.
	 */
	private boolean aPostIsInFlightAtTheBot() {
		return this.bot.arrived() > this.bot.deliveries().size();
	}

	/** Nothing is left in flight that could still reach the bot. */
	private boolean everyDeliveryIsDeliveredAndNoneLeased(int expected) {
		return this.transactions
			.inTenant(this.app.tenant().id(), (db) -> db
				.sql("SELECT count(*) AS settled FROM deliveries WHERE status = 'delivered' AND leased_by IS NULL")
				.map((row) -> row.get("settled", Long.class))
				.one())
			.block() == expected;
	}

}
