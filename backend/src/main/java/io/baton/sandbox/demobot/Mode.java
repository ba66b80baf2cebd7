package io.baton.sandbox.demobot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the demo bot answers an app's correctly signed requests. */
enum Mode {

	/** 200 at once. */
	OK,

	/** 500, as a bot that is down or broken; Baton should retry. */
	FAIL,

	/** 200 after {@link DemoBotSettings#slowDelay()}. */
	SLOW;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Mode> parse(String value) {
		return Arrays.stream(values()).filter((mode) -> mode.value().equals(value)).findFirst();
	}

}
