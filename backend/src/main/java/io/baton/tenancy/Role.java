package io.baton.tenancy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a member may do in a tenant, from most to least powerful. */
public enum Role {

	/**
	 * Everything, including deleting the tenant and handing ownership on. One per tenant.
	 */
	OWNER,
	/** Manages members, invitations, apps and pages. */
	ADMIN,
	/** Works conversations (handover, replies). */
	AGENT,
	/** Reads dashboards. */
	VIEWER;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> parse(String text) {
		return Arrays.stream(values()).filter((role) -> role.key().equalsIgnoreCase(text.strip())).findFirst();
	}

	public boolean managesMembers() {
		return this == OWNER || this == ADMIN;
	}

	public boolean readsAuditLog() {
		return this == OWNER || this == ADMIN;
	}

	/** Replays deliveries and sends test events; viewers only look. */
	public boolean operates() {
		return this != VIEWER;
	}

	/** Roles an invitation may grant: ownership is transferred, never invited. */
	public boolean invitable() {
		return this != OWNER;
	}

}
