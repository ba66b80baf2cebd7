package io.baton.platform;

/**
 * A tenancy rule refused the request (removing the owner, an expired invitation, a name
 * that is too long); the message is meant for the person who asked.
 */
public class Rejected extends RuntimeException {

	public Rejected(String message) {
		super(message);
	}

}
