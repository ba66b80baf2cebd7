package io.baton.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An app's bot endpoint as delivery sees it.
 *
 * @param state {@code healthy}, {@code failing} (failures in a row, circuit closed),
 * {@code circuit_open} (waiting before the next probe), {@code disabled}, or
 * {@code unused} (nothing sent yet)
 */
public record EndpointHealth(@Nullable String endpoint, String state, int consecutiveFailures,
		@Nullable Instant failingSince, @Nullable Instant circuitOpenUntil, @Nullable Instant disabledAt,
		@Nullable String disabledReason, @Nullable Instant lastSuccessAt, @Nullable Instant lastFailureAt, long pending,
		long dead) {

	public boolean disabled() {
		return "disabled".equals(this.state);
	}

}
