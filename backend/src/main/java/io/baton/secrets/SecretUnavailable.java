package io.baton.secrets;

/**
 * A sealed secret Baton cannot open: sealed with a key it no longer has, or failing its
 * integrity check. Nobody can fix that in the request at hand, so callers answer "try
 * again later" rather than a server error.
 */
public class SecretUnavailable extends IllegalStateException {

	SecretUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	SecretUnavailable(String message) {
		super(message);
	}

}
