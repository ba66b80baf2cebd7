package io.baton.ingress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What webhook intake saw for one app over a span: batches and entries stored, requests
 * refused by reason, the latest minutes with refusals, and the app's limit on correctly
 * signed batches (0 when there is none) with how many it answered 429.
 */
public record IntakeFigures(long batches, long entries, Map<String, Long> rejectedByReason,
		List<Rejection> recentRejections, int signedLimitPerMinute) {

	/** Correctly signed batches answered 429: each one a risk to the subscription. */
	public long signedRateLimited() {
		return this.rejectedByReason.getOrDefault(Refusal.SIGNED_RATE_LIMITED.reason(), 0L);
	}

	/** The requests refused in one minute for one reason. */
	public record Rejection(Instant minute, int status, String reason, long count, String detail) {
	}

}
