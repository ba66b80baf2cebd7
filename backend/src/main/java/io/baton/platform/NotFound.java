package io.baton.platform;

/** Nothing of that id exists in the current tenant (or the user may not know of it). */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
