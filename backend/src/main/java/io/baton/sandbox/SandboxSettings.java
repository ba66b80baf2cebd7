package io.baton.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Graph sandbox behaves.
 *
 * @param enabled serve the sandbox under {@code /sandbox/} and apply its migrations; off
 * in production, where every {@code /sandbox/**} path answers 404
 * @param loginApp the app upserted at start-up so that Baton's staff sign-in works
 * @param codeValidity how long an authorization code from the dialog may be exchanged
 * @param shortLivedTokenValidity lifetime of a user token from a code exchange
 * @param longLivedTokenValidity lifetime of a user token from {@code fb_exchange_token}
 * @param dialogSessionValidity how long the dialog remembers who is signed in
 * @param pages how {@code /me/accounts} pages and what {@code debug_token} tells
 * @param subscriptions how app subscriptions verify their callback
 */
@ConfigurationProperties("baton.sandbox")
public record SandboxSettings(@DefaultValue("true") boolean enabled, @DefaultValue LoginApp loginApp,
		@DefaultValue("10m") Duration codeValidity, @DefaultValue("2h") Duration shortLivedTokenValidity,
		@DefaultValue("60d") Duration longLivedTokenValidity, @DefaultValue("30d") Duration dialogSessionValidity,
		@DefaultValue Pages pages, @DefaultValue Subscriptions subscriptions) {

	/**
	 * Pages and tokens as Graph shows them.
	 *
	 * @param defaultLimit {@code /me/accounts} page size without {@code limit}
	 * @param maxLimit the largest {@code limit} honoured
	 * @param dataAccessValidity {@code data_access_expires_at} is this long after the
	 * person last signed in to the app
	 */
	public record Pages(@DefaultValue("25") int defaultLimit, @DefaultValue("100") int maxLimit,
			@DefaultValue("90d") Duration dataAccessValidity) {

	}

	/**
	 * App-level webhook subscriptions.
	 *
	 * @param verificationTimeout how long the callback may take to echo the challenge
	 * @param batonUrl Baton's public URL: the handshake calls its
	 * {@code /webhooks/{app-id}}, or a {@code /webhooks/} path on loopback, nothing else
	 */
	public record Subscriptions(@DefaultValue("5s") Duration verificationTimeout, @Nullable URI batonUrl) {

	}

	/**
	 * Baton's own Facebook app as the sandbox knows it.
	 *
	 * @param id the app id (numeric)
	 * @param secret the app secret
	 * @param name shown in the dialog
	 * @param redirectUris the registered redirect URIs (comma-separated in properties)
	 */
	public record LoginApp(@DefaultValue("1000000000000001") String id,
			@DefaultValue("sandbox-login-secret") String secret, @DefaultValue("Baton") String name,
			@DefaultValue List<String> redirectUris) {

		@Override
		public String toString() {
			return "LoginApp[id=" + this.id + ", name=" + this.name + ", redirectUris=" + this.redirectUris + "]";
		}

	}

}
