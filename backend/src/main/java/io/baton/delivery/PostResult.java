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
 */
record PostResult(AttemptOutcome outcome, @Nullable Integer status, int durationMs, String error, String responseBody) {

	boolean delivered() {
		return this.outcome == AttemptOutcome.DELIVERED;
	}

}
