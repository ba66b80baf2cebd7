package io.baton.tenancy;

import java.time.Instant;

/** What the person who opened an invitation link sees before accepting. */
public record InvitationPreview(String tenantName, String email, Role role, Instant expiresAt,
		Invitation.Status status) {
}
