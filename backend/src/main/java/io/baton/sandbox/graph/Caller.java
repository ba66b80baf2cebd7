package io.baton.sandbox.graph;

import io.baton.sandbox.accounts.SandboxApp;
import org.jspecify.annotations.Nullable;

/**
 * Who a valid access token speaks for.
 *
 * @param token the token as presented
 * @param app the app it was issued to
 * @param userId the person, for a user token; {@code null} for an app token
 */
record Caller(String token, SandboxApp app, @Nullable String userId) {

	boolean isUser() {
		return this.userId != null;
	}

}
