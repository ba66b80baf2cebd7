package io.baton.sandbox.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Facebook app as the sandbox knows it.
 *
 * @param id the app id
 * @param secret the app secret (never shown by {@link #toString()})
 * @param name shown in the dialog
 * @param redirectUris the registered redirect URIs, matched exactly
 * @param appsecretProofRequired whether Graph calls must carry {@code appsecret_proof}
 * @param category the app's category, if set
 * @param link the app's link, if set
 */
public record SandboxApp(String id, String secret, String name, List<String> redirectUris,
		boolean appsecretProofRequired, @Nullable String category, @Nullable String link) {

	public boolean registered(String redirectUri) {
		return this.redirectUris.contains(redirectUri);
	}

	/** Compares in constant time. */
	public boolean secretMatches(String candidate) {
		return MessageDigest.isEqual(this.secret.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "SandboxApp[id=" + this.id + ", name=" + this.name + "]";
	}

}
