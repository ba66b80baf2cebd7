package io.baton.apps;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An API key of an app's bot, as listed: its prefix only, never the key. */
public record ApiKey(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
