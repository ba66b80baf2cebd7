package io.baton.platform;

/**
 * A quota refused the request (too many tenants, invitations, replays); the message says
 * which and what to do, for the person who asked. The API answers 429.
 */
public class TooMany extends Rejected {

	public TooMany(String message) {
		super(message);
	}

}
