package io.baton.api;

/** A path variable or query parameter the API cannot use; the message says which. */
class BadParameter extends RuntimeException {

	BadParameter(String message) {
		super(message);
	}

}
