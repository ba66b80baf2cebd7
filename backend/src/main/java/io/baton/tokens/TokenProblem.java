package io.baton.tokens;

import org.jspecify.annotations.Nullable;

/**
 * Why a page token stopped working, decided by Graph's error code and subcode (190 and
 * its subcodes), with what staff should do about it.
 */
public enum TokenProblem {

	PASSWORD_CHANGED(
			"The person who connected the page changed their Facebook password or was logged out for" + " security."),
	EXPIRED("The token expired."),
	APP_REMOVED("The person who connected the page removed the app from their Facebook account."),
	PERMISSION_DECLINED("A permission Baton needs (pages_messaging, pages_manage_metadata) was declined or revoked."),
	REVOKED("Facebook no longer accepts the token: the person may have lost their role on the page or revoked"
			+ " the app's access.");

	private final String explanation;

	TokenProblem(String explanation) {
		this.explanation = explanation;
	}

	public String explanation() {
		return this.explanation;
	}

	/** Re-connecting the page through Facebook Login fixes every one of these. */
	public String remedy() {
		return "Re-connect the page: Facebook Login asks the person again and Baton stores a new token.";
	}

	/**
	 * The problem Graph's code and subcode mean; null when they are not a token problem.
	 */
	public static @Nullable TokenProblem of(int code, @Nullable Integer subcode) {
		if (code == 190) {
			if (subcode == null) {
				return REVOKED;
			}
			return switch (subcode) {
				case 460 -> PASSWORD_CHANGED;
				case 463 -> EXPIRED;
				case 458 -> APP_REMOVED;
				default -> REVOKED;
			};
		}
		if (code == 200 || code == 10) {
			return PERMISSION_DECLINED;
		}
		return null;
	}

}
