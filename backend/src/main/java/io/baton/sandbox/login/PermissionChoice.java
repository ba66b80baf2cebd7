package io.baton.sandbox.login;

/**
 * One permission as the consent page shows it.
 *
 * @param permission its name
 * @param required always granted ({@code public_profile}): no checkbox
 * @param declinedEarlier declined before and not asked again (no {@code rerequest})
 */
record PermissionChoice(String permission, boolean required, boolean declinedEarlier) {

	public boolean choosable() {
		return !this.required && !this.declinedEarlier;
	}

}
