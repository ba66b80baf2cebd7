package io.baton.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What one POST to a bot came to.
 *
 * @param outcome what the POST came to
 * @param status the HTTP status, when the bot answered
 * @param durationMs from sending to the answer (or the failure)
 * @param error what went wrong, in words
 * @param responseBody the start of the bot's answer
 * @param attempted whether a POST was made at all; when not, the bot is not to blame (no
 * endpoint, no secret) and its circuit does not count it
 */
record PostResult(AttemptOutcome outcome, @Nullable Integer status, int durationMs, String error, String responseBody,
		boolean attempted) {

	PostResult(AttemptOutcome outcome, @Nullable Integer status, int durationMs, String error, String responseBody) {
		this(outcome, status, durationMs, error, responseBody, true);
	}

	/** No POST was made, for {@code reason}; the delivery waits for its next attempt. */
	static PostResult notAttempted(String reason) {
		return new PostResult(AttemptOutcome.UNREACHABLE, null, 0, reason, "", false);
	}

	/**
	 * No POST will ever be made (the app has no bot endpoint): the delivery is skipped.
	 */
	static PostResult skipped(String reason) {
		return new PostResult(AttemptOutcome.UNREACHABLE, null, 0, reason, "", false);
	}

	boolean skips() {
		return !this.attempted && BotPoster.NO_ENDPOINT.equals(this.error);
	}

	boolean delivered() {
		return this.outcome == AttemptOutcome.DELIVERED;
	}

}
