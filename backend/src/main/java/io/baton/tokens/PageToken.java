package io.baton.tokens;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.graph.PageId;

/** One entry of the page-token inventory, without the token itself. */
public record PageToken(AppId app, String appName, PageId page, String pageName, List<String> scopes,
		List<String> subscribedFields, Instant issuedAt, @Nullable Instant expiresAt,
		@Nullable Instant dataAccessExpiresAt, @Nullable Instant lastUsedAt, @Nullable Instant lastCheckedAt,
		boolean valid, @Nullable TokenProblem problem) {
}
