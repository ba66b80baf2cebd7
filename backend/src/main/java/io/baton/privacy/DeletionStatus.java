package io.baton.privacy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the public status page of a deletion request shows: nothing of tenant or person.
 */
public record DeletionStatus(String status, Instant receivedAt, @Nullable Instant completedAt) {

	public boolean completed() {
		return "completed".equals(this.status);
	}

}
