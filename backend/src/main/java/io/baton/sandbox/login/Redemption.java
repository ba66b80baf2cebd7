package io.baton.sandbox.login;

/** What exchanging an authorization code came to. */
public sealed interface Redemption {

	/** The code was good: it is now used up. */
	record Redeemed(String userId) implements Redemption {
	}

	/** No such code for this app. */
	record Unknown() implements Redemption {
	}

	/** The code was exchanged before. */
	record AlreadyUsed() implements Redemption {
	}

	/** The code is older than its validity. */
	record Expired() implements Redemption {
	}

	/** The redirect URI differs from the one the dialog was opened with. */
	record RedirectUriMismatch() implements Redemption {
	}

}
