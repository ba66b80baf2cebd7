package io.baton.apps;

/** The key presented was a real key of some app, but staff have revoked it. */
public class ApiKeyRevoked extends RuntimeException {

	public ApiKeyRevoked() {
		super("The API key has been revoked.");
	}

}
