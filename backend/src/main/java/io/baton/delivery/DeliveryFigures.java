package io.baton.delivery;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An app's data plane over a span of time: what arrived, how fast it was routed and
 * delivered, per page and per hour, and the latest failures with what was sent and what
 * the bot answered.
 *
 * @param pages one line per page, busiest first
 * @param hours one bucket per hour, oldest first
 * @param endpoint the bot endpoint's answers in the span
 * @param recentFailures the latest failed attempts, newest first
 */
public record DeliveryFigures(Totals totals, List<PageLine> pages, List<Hour> hours, EndpointLine endpoint,
		List<Failure> recentFailures) {

	/** Events queued, by what became of them, with latency percentiles in ms. */
	public record Totals(long events, long delivered, long pending, long dead, long skipped,
			@Nullable Double routingLagP50, @Nullable Double routingLagP99, @Nullable Double endToEndP50,
			@Nullable Double endToEndP99) {
	}

	public record PageLine(String pageId, long events, long delivered, long pending, long dead,
			@Nullable Double endToEndP50, @Nullable Double endToEndP99) {
	}

	public record Hour(Instant start, long events, long delivered, long failedAttempts, @Nullable Double endToEndP95) {
	}

	/** Answers by outcome, and the time the bot took, in ms. */
	public record EndpointLine(long attempts, long delivered, long failed, long timeouts, long unreachable,
			@Nullable Double latencyP50, @Nullable Double latencyP99) {
	}

	public record Failure(long deliveryId, int attempt, Instant at, @Nullable Integer status, String outcome,
			String error, String responseBody) {
	}

}
