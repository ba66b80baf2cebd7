package io.baton.tenancy;

import io.baton.platform.NotAllowed;

/**
 * The tenant a request acts in, and who acts: resolved once per request from the
 * signed-in user and the tenant in the URL, and passed to every tenant operation.
 */
public record CurrentTenant(TenantId id, String name, boolean demo, UserId userId, String userName, Role role) {

	/** Fails with {@link NotAllowed} unless this member's role permits {@code what}. */
	public CurrentTenant require(boolean permitted, String what) {
		if (!permitted) {
			throw new NotAllowed(this.role.label() + "s may not " + what + ".");
		}
		return this;
	}

	public CurrentTenant requireMemberManagement() {
		return require(this.role.managesMembers(), "manage members");
	}

}
