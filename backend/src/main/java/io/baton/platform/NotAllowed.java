package io.baton.platform;

/** The member's role does not permit the action. */
public class NotAllowed extends RuntimeException {

	public NotAllowed(String message) {
		super(message);
	}

}
