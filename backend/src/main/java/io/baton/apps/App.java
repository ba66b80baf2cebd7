package io.baton.apps;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;

/**
 * A tenant's Facebook app as the dashboard shows it; the secret itself never leaves the
 * module, only its last characters.
 */
public record App(AppId id, String name, String secretHint, String verifyToken, String callbackUrl,
		@Nullable String botEndpoint, SubscriptionState subscriptionState, String subscriptionAnswer,
		@Nullable Instant subscriptionAt, boolean autoResubscribe, Instant createdAt) {

	/** Where the app's page webhook subscription stands, as Baton last set it. */
	public enum SubscriptionState {

		PENDING, SUBSCRIBED, FAILED;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
		}

	}

}
