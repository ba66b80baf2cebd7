package io.baton.delivery;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.apps.AppDirectory;
import io.baton.graph.AppId;
import io.baton.secrets.Secret;
import io.baton.platform.WorkLoop;
import io.baton.routing.DeliveriesQueued;
import io.baton.tenancy.TenantId;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Runs the delivery loops: claim due deliveries (at most one per conversation, so each
 * conversation's events go out in order), POST them concurrently, write down each
 * outcome; again at once while claims come back full. Woken when routing in this process
 * queues deliveries or a person replays one; polling for the rest.
 */
@Component
class DeliveryWorkers {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorkers.class);

	private final DatabaseClient database;

	private final AppDirectory directory;

	private final BotPoster poster;

	private final Outcomes outcomes;

	private final DeliverySettings settings;

	private final MeterRegistry meters;

	private final WorkLoop loop;

	private final String worker = "worker-" + UUID.randomUUID();

	/**
	 * Beyond the bot's timeout, what a stopping process waits for in-flight deliveries to
	 * be recorded, and for the rest to be released.
	 */
	private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(3);

	DeliveryWorkers(DatabaseClient database, AppDirectory directory, BotPoster poster, Outcomes outcomes,
			DeliverySettings settings, MeterRegistry meters) {
		this.database = database;
		this.directory = directory;
		this.poster = poster;
		this.outcomes = outcomes;
		this.settings = settings;
		this.meters = meters;
		this.loop = new WorkLoop("Delivery", settings.pollEvery());
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.settings.enabled()) {
			this.loop.start(this.settings.workers(), this::drain);
		}
	}

	/**
	 * Stopping (SIGTERM, a rolling deploy): no new claims; in-flight POSTs finish and are
	 * recorded for up to the bot timeout plus a margin; then what this worker still holds
	 * is given back. The closing thread waits for it (never an event-loop thread); a
	 * context the test framework only pauses is not closed, so its workers go on.
	 */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		this.loop.stop(this.settings.timeout().plus(SHUTDOWN_MARGIN))
			.then(this.database.sql(WorkRows.RELEASE_DELIVERIES)
				.bind("worker", this.worker)
				.map((row) -> row.get(0, Integer.class))
				.one())
			.timeout(this.settings.timeout().plus(SHUTDOWN_MARGIN.multipliedBy(2)))
			.doOnNext((released) -> {
				if (released > 0) {
					logger.info("Released {} deliveries still in flight at shutdown", released);
				}
			})
			.onErrorResume((ex) -> {
				logger.warn("Leases of stopped delivery worker {} not released; they run out instead", this.worker, ex);
				return Mono.empty();
			})
			.block();
	}

	@EventListener
	void deliveriesQueued(DeliveriesQueued queued) {
		this.loop.wakeUp();
	}

	void wakeUp() {
		this.loop.wakeUp();
	}

	private Mono<Void> drain() {
		return claimAndDeliver().expand((claimed) -> (claimed >= this.settings.claimLimit() && !this.loop.stopping())
				? claimAndDeliver() : Mono.empty())
			.then();
	}

	/** Answers how many deliveries were claimed. */
	private Mono<Integer> claimAndDeliver() {
		return claim().flatMap((claimed) -> Flux.fromIterable(claimed)
			.flatMap((delivery) -> this.poster.post(delivery).map((result) -> new Outcomes.Posted(delivery, result)),
					claimed.size() + 1)
			.collectList()
			.flatMap(this::record)
			.thenReturn(claimed.size()));
	}

	private Mono<List<ClaimedDelivery>> claim() {
		return this.database.sql(WorkRows.CLAIM_DELIVERIES)
			.bind("limit", this.settings.claimLimit())
			.bind("lease", (double) this.settings.lease().toMillis())
			.bind("worker", this.worker)
			.map((row) -> {
				AppId app = new AppId(row.get("app_id", String.class));
				ByteBuffer payload = row.get("payload", ByteBuffer.class);
				byte[] bytes = new byte[payload.remaining()];
				payload.get(bytes);
				return new ClaimedDelivery(row.get("id", Long.class), new TenantId(row.get("tenant_id", UUID.class)),
						app, row.get("attempt", Integer.class), bytes, row.get("endpoint", String.class),
						secretOf(app, row.get("secret_sealed", String.class)));
			})
			.all()
			.collectList();
	}

	private @Nullable Secret secretOf(AppId app, @Nullable String sealed) {
		try {
			return (sealed != null) ? this.directory.openSecret(app, sealed) : null;
		}
		catch (RuntimeException ex) {
			logger.error("The secret of app {} cannot be opened: {}", app, ex.getMessage());
			return null;
		}
	}

	private Mono<Void> record(List<Outcomes.Posted> posted) {
		if (posted.isEmpty()) {
			return Mono.empty();
		}
		return this.outcomes.record(posted, this.worker).doOnNext((recorded) -> recorded.forEach((one) -> {
			measure(one);
			if (one.endpointDisabled()) {
				logger.warn("Bot endpoint of app {} disabled: {}", one.posted().delivery().app(),
						one.posted().result().error());
			}
		})).then().onErrorResume((ex) -> {
			// The leases run out and another claim tries these again.
			logger.warn("Outcomes of {} deliveries not recorded", posted.size(), ex);
			return Mono.empty();
		});
	}

	private void measure(Outcomes.Recorded recorded) {
		ClaimedDelivery delivery = recorded.posted().delivery();
		PostResult result = recorded.posted().result();
		Timer.builder("baton.delivery.latency")
			.description("A bot's answer to one POST")
			.tag("app", delivery.app().value())
			.tag("outcome", result.outcome().key())
			.publishPercentileHistogram()
			.register(this.meters)
			.record(Duration.ofMillis(result.durationMs()));
		this.meters
			.counter("baton.delivery.outcomes", "app", delivery.app().value(), "status", recorded.status().value())
			.increment();
	}

}
