package io.baton.apps;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.baton.platform.Rejected;

/**
 * What Baton accepts as a bot endpoint: an https URL (http too in sandbox mode), or none.
 */
final class BotEndpoints {

	private BotEndpoints() {
	}

	static @Nullable String valid(@Nullable String text, boolean allowPlainHttp) {
		String clean = (text != null) ? text.strip() : "";
		if (clean.isEmpty()) {
			return null;
		}
		URI uri;
		try {
			uri = URI.create(clean);
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("The bot endpoint is not a URL.");
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean http = "http".equalsIgnoreCase(uri.getScheme());
		if (uri.getHost() == null || !(https || (http && allowPlainHttp))) {
			throw new Rejected(allowPlainHttp ? "The bot endpoint must be an http(s) URL."
					: "The bot endpoint must be an https:// URL.");
		}
		return clean;
	}

}
