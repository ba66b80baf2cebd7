package io.baton.apps;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baton.graph.PageId;

/**
 * An API key of an app's bot, as listed: its prefix only, never the key.
 *
 * @param page the one page the key is limited to, or {@code null} for every page of the
 * app
 */
public record ApiKey(UUID id, String name, String prefix, @Nullable PageId page, Instant createdAt,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
