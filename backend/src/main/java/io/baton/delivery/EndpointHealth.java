package io.baton.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An app's bot endpoint as delivery sees it.
 *
 * @param state how it fares now
 */
public record EndpointHealth(@Nullable String endpoint, EndpointState state, int consecutiveFailures,
		@Nullable Instant failingSince, @Nullable Instant circuitOpenUntil, @Nullable Instant disabledAt,
		@Nullable String disabledReason, @Nullable Instant lastSuccessAt, @Nullable Instant lastFailureAt, long pending,
		long dead) {

	public boolean disabled() {
		return this.state == EndpointState.DISABLED;
	}

}
