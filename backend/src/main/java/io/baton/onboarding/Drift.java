package io.baton.onboarding;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A difference between what Graph reports of a subscription and what Baton needs, when it
 * was found and how it ended.
 */
public record Drift(long id, @Nullable String pageId, Instant foundAt, String description, @Nullable Instant resolvedAt,
		String resolution) {

	public boolean open() {
		return this.resolvedAt == null;
	}

}
