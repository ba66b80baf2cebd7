package io.baton.secrets;

/**
 * A secret value (app secret, access token) that never shows itself in logs, exceptions
 * or toString().
 */
public record Secret(String value) {

	public Secret {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("A secret cannot be empty");
		}
	}

	/** The last four characters, for telling secrets apart on screen. */
	public String hint() {
		return "…" + this.value.substring(Math.max(0, this.value.length() - 4));
	}

	@Override
	public String toString() {
		return "Secret[hidden]";
	}

}
