package io.baton.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.baton.graph.AppId;

import org.springframework.stereotype.Component;

/**
 * Webhook intake's figures in Micrometer: every answer by outcome; per app the batches
 * and events stored, refusals by reason and the time to the 200; and the size of each
 * group commit. An app id is a tag only once a request names a known (registered) app, so
 * a stranger cannot mint tags; page ids come from the body, which any tenant can sign
 * with its own secret, so they are never tags.
 */
@Component
class IngressMeters {

	private final MeterRegistry registry;

	private final DistributionSummary groupSizes;

	private final Timer groupCommits;

	IngressMeters(MeterRegistry registry) {
		this.registry = registry;
		this.groupSizes = DistributionSummary.builder("baton.ingress.group.size")
			.description("Batches stored by one group commit")
			.baseUnit("batches")
			.publishPercentileHistogram()
			.register(registry);
		this.groupCommits = Timer.builder("baton.ingress.group.commit")
			.description("Time of one group commit's transaction")
			.publishPercentileHistogram()
			.register(registry);
	}

	/** Starts the clock of one request's acknowledgement. */
	Timer.Sample requestStarted() {
		return Timer.start(this.registry);
	}

	void answered(String outcome) {
		Counter.builder("baton.ingress.requests")
			.description("Webhook requests by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void stored(AppId app, BatchContents contents, Timer.Sample requestStarted) {
		Counter.builder("baton.ingress.batches")
			.description("Webhook batches stored and acknowledged")
			.tag("app", app.value())
			.register(this.registry)
			.increment();
		Counter.builder("baton.ingress.events")
			.description("Webhook events (entries) stored")
			.tag("app", app.value())
			.register(this.registry)
			.increment(contents.entries());
		requestStarted.stop(Timer.builder("baton.ingress.ack")
			.description("From a webhook request's arrival to its 200, sent after the commit")
			.tag("app", app.value())
			.publishPercentileHistogram()
			.register(this.registry));
	}

	void rejected(AppId app, String reason) {
		Counter.builder("baton.ingress.rejected")
			.description("Webhook requests refused, by reason")
			.tags("app", app.value(), "reason", reason)
			.register(this.registry)
			.increment();
	}

	void groupCommitted(int batches, long nanos) {
		this.groupSizes.record(batches);
		this.groupCommits.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
	}

}
