package io.baton.apps;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.platform.Redaction;

/**
 * A tenant's Facebook app as the dashboard shows it; the secret itself never leaves the
 * module, only its last characters.
 */
public record App(AppId id, String name, String secretHint, String verifyToken, String callbackUrl,
		@Nullable String botEndpoint, SubscriptionState subscriptionState, String subscriptionAnswer,
		@Nullable Instant subscriptionAt, boolean autoResubscribe, Instant createdAt) {

	/**
	 * The bot endpoint as every member may read it, without the credentials a URL can
	 * carry (admins edit the whole URL in the app's settings).
	 */
	public @Nullable String shownEndpoint() {
		return Redaction.url(this.botEndpoint);
	}

	/** Where the app's page webhook subscription stands, as Baton last set it. */
	public enum SubscriptionState {

		PENDING, SUBSCRIBED, FAILED;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
		}

	}

}
