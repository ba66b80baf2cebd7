package io.baton.api;

/** A path variable or query parameter the API cannot use; the message says which. */
public class BadParameter extends RuntimeException {

	public BadParameter(String message) {
		super(message);
	}

}
