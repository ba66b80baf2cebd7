package io.baton.graph;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code debug_token} says of a token. An invalid token still answers, with
 * {@code valid} false and the error's code and subcode (never its text) to act on.
 */
public record TokenInfo(boolean valid, String type, List<String> scopes, @Nullable Instant issuedAt,
		@Nullable Instant expiresAt, @Nullable Instant dataAccessExpiresAt, @Nullable Integer errorCode,
		@Nullable Integer errorSubcode, String errorMessage) {
}
