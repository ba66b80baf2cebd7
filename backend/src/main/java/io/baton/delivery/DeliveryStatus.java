package io.baton.delivery;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a delivery stands: waiting for its next attempt, taken by the bot, out of
 * attempts, or never to be sent (its app had no bot endpoint). The log, the API and the
 * {@code deliveries.status} column spell it as {@link #value()}.
 */
public enum DeliveryStatus {

	PENDING("pending"), DELIVERED("delivered"), DEAD("dead"), SKIPPED("skipped");

	private final String value;

	DeliveryStatus(String value) {
		this.value = value;
	}

	/** The status as the database, the API and the dashboard's filter spell it. */
	@JsonValue
	public String value() {
		return this.value;
	}

	/** The status spelled {@code text}, if it is one. */
	public static Optional<DeliveryStatus> parse(String text) {
		return Arrays.stream(values()).filter((status) -> status.value.equals(text)).findFirst();
	}

	/**
	 * The status after an attempt: delivered on the bot's 2xx, else due again until the
	 * schedule's attempts are spent.
	 */
	static DeliveryStatus afterAttempt(boolean delivered, int attempt, int maxAttempts) {
		return delivered ? DELIVERED : (attempt >= maxAttempts) ? DEAD : PENDING;
	}

	static DeliveryStatus of(String value) {
		return parse(value).orElseThrow(() -> new IllegalStateException("Unknown delivery status " + value));
	}

}
