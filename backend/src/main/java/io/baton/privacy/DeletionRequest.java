package io.baton.privacy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;

/** A data-deletion request as staff see it: when, for which app, and what it erased. */
public record DeletionRequest(String code, AppId app, String appName, Instant receivedAt, String status,
		@Nullable Instant completedAt, int contactsErased, int recordsErased) {

	public boolean completed() {
		return "completed".equals(this.status);
	}

}
