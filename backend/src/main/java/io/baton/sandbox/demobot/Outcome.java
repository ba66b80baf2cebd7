package io.baton.sandbox.demobot;

import java.util.Locale;

/** What became of a request the demo bot received. */
enum Outcome {

	/** Answered 200. */
	ACCEPTED,

	/** Answered 500 on purpose (mode {@code fail}). */
	FAILED,

	/** Answered 403 (signature missing or wrong) or 400 (not a webhook batch). */
	REFUSED;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
