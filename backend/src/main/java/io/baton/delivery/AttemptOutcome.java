package io.baton.delivery;

import java.util.Locale;

/** What one POST to a bot came to, as {@code delivery_attempts.outcome} stores it. */
enum AttemptOutcome {

	/** The bot answered 2xx. */
	DELIVERED,
	/** The bot answered another status. */
	FAILED,
	/** The bot did not answer within the timeout. */
	TIMEOUT,
	/** The bot could not be reached. */
	UNREACHABLE;

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
