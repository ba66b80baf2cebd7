package io.baton.routing;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import io.baton.ingress.BatchesStored;
import io.baton.platform.WorkLoop;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the routing loops: woken when intake in this process stores batches, polling for
 * those stored by other processes. Records the routing lag (from intake's commit to
 * routing's) per app, and counts the batches discarded because their app was deleted.
 */
@Component
class RoutingWorkers {

	private final BatchRouter router;

	private final RoutingSettings settings;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final WorkLoop loop;

	RoutingWorkers(BatchRouter router, RoutingSettings settings, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.router = router;
		this.settings = settings;
		this.events = events;
		this.meters = meters;
		this.loop = new WorkLoop("Routing", settings.pollEvery());
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.settings.enabled()) {
			this.loop.start(this.settings.workers(), this::drain);
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		this.loop.stop();
	}

	@EventListener
	void batchesStored(BatchesStored stored) {
		this.loop.wakeUp();
	}

	private Mono<Void> drain() {
		return this.router.routeNext().expand((routed) -> this.router.routeNext()).doOnNext(this::recorded).then();
	}

	private void recorded(BatchRouter.Routed routed) {
		Instant now = Instant.now();
		Timer lag = Timer.builder("baton.routing.lag")
			.description("From a batch's intake to its routing")
			.tag("app", routed.app().value())
			.publishPercentileHistogram()
			.register(this.meters);
		routed.batches().forEach((batch) -> lag.record(Duration.between(batch.receivedAt(), now)));
		if (routed.discarded()) {
			this.meters.counter("baton.routing.batches.discarded").increment(routed.batches().size());
		}
		this.meters.counter("baton.routing.events", "app", routed.app().value(), "outcome", "queued")
			.increment(routed.queued());
		this.meters.counter("baton.routing.events", "app", routed.app().value(), "outcome", "duplicate")
			.increment(routed.duplicates());
		if (routed.queued() > 0) {
			this.events.publishEvent(new DeliveriesQueued(routed.queued()));
		}
	}

}
