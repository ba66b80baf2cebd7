package io.baton.ingress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What webhook intake saw for one app over a span: batches and entries stored, requests
 * refused by reason, and the latest refusals.
 */
public record IntakeFigures(long batches, long entries, Map<String, Long> rejectedByReason,
		List<Rejection> recentRejections) {

	/** One refused request, as recorded. */
	public record Rejection(Instant at, int status, String reason, String detail) {
	}

}
