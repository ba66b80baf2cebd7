package io.baton.delivery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How an app's bot endpoint fares, as the dashboard and the API show it. The API spells
 * it as {@link #value()}.
 */
public enum EndpointState {

	/** The last POST was taken. */
	HEALTHY("healthy"),
	/** Failures in a row, the circuit still closed. */
	FAILING("failing"),
	/** Waiting before the next probe. */
	CIRCUIT_OPEN("circuit_open"),
	/** Failing for too long: nothing is sent until staff enable it again. */
	DISABLED("disabled"),
	/** Nothing sent yet. */
	UNUSED("unused");

	private final String value;

	EndpointState(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

	/** The state in words, for people. */
	public String label() {
		return this.value.replace('_', ' ');
	}

	/**
	 * The state at {@code now} from the endpoint's record: being disabled outweighs an
	 * open circuit, which outweighs failures in a row.
	 */
	static EndpointState of(Instant now, @Nullable Instant disabledAt, @Nullable Instant circuitOpenUntil,
			int consecutiveFailures, @Nullable Instant lastSuccessAt) {
		if (disabledAt != null) {
			return DISABLED;
		}
		if (circuitOpenUntil != null && circuitOpenUntil.isAfter(now)) {
			return CIRCUIT_OPEN;
		}
		if (consecutiveFailures > 0) {
			return FAILING;
		}
		return (lastSuccessAt != null) ? HEALTHY : UNUSED;
	}

}
