package io.baton.apps;

/** A new API key, shown once: only its hash is kept. */
public record IssuedApiKey(ApiKey key, String value) {

	@Override
	public String toString() {
		return "IssuedApiKey[" + this.key.prefix() + "…]";
	}

}
