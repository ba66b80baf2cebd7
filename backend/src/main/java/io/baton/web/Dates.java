package io.baton.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the dashboard writes times: UTC, minutes. */
public final class Dates {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Dates() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}
