package io.baton.sandbox.messenger.notifications;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/** How often a recurring notification may be sent, and how long its token lives. */
public enum Frequency {

	DAILY(6), WEEKLY(9), MONTHLY(12);

	private final int validMonths;

	Frequency(int validMonths) {
		this.validMonths = validMonths;
	}

	public static Optional<Frequency> parse(String value) {
		try {
			return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	OffsetDateTime expiry(OffsetDateTime issued) {
		return issued.plusMonths(this.validMonths);
	}

	/** The earliest time the next notification may go after one sent at {@code last}. */
	OffsetDateTime next(OffsetDateTime last) {
		return switch (this) {
			case DAILY -> last.plusDays(1);
			case WEEKLY -> last.plusWeeks(1);
			case MONTHLY -> last.plusMonths(1);
		};
	}

}
