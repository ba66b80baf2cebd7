package io.baton.sandbox.accounts;

/**
 * One line of {@code /me/permissions}.
 *
 * @param permission e.g. {@code pages_messaging}
 * @param status {@value #GRANTED} or {@value #DECLINED}
 */
public record Permission(String permission, String status) {

	public static final String GRANTED = "granted";

	public static final String DECLINED = "declined";

	public static Permission granted(String permission) {
		return new Permission(permission, GRANTED);
	}

	public static Permission declined(String permission) {
		return new Permission(permission, DECLINED);
	}

}
