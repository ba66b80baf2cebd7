package io.baton.sandbox.login;

/**
 * The dialog cannot go on (unknown app, unregistered redirect URI, …): it shows an error
 * page and redirects nowhere.
 */
class DialogRefused extends RuntimeException {

	private final String title;

	DialogRefused(String title, String message) {
		super(message, null, false, false);
		this.title = title;
	}

	static DialogRefused invalidAppId() {
		return new DialogRefused("Invalid App ID", "The provided app ID does not look like a valid app ID.");
	}

	static DialogRefused blockedUrl() {
		return new DialogRefused("URL Blocked",
				"This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings."
						+ " Make sure Client and Web OAuth Login are on and add all your app domains"
						+ " as Valid OAuth Redirect URIs.");
	}

	static DialogRefused unsupportedResponseType() {
		return new DialogRefused("Unsupported response type", "The sandbox's dialog only supports response_type=code.");
	}

	String title() {
		return this.title;
	}

}
