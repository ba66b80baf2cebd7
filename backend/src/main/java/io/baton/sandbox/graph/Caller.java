package io.baton.sandbox.graph;

import io.baton.sandbox.accounts.SandboxApp;
import org.jspecify.annotations.Nullable;

/**
 * Who a valid access token speaks for.
 *
 * @param token the token as presented
 * @param app the app it was issued to
 * @param userId the person, for a user or page token; {@code null} for an app token
 * @param pageId the page, for a page token; {@code null} otherwise
 */
public record Caller(String token, SandboxApp app, @Nullable String userId, @Nullable String pageId) {

	/** A user token (not a page or app token). */
	public boolean isUser() {
		return this.userId != null && this.pageId == null;
	}

	public boolean isPage() {
		return this.pageId != null;
	}

	public boolean isApp() {
		return this.userId == null;
	}

}
