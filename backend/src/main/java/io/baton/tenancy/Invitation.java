package io.baton.tenancy;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An invitation to join a tenant, as the tenant's admins see it. */
public record Invitation(UUID id, String email, Role role, @Nullable String invitedBy, Instant createdAt,
		Instant expiresAt, Status status) {

	public enum Status {

		PENDING, ACCEPTED, REVOKED, EXPIRED;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
		}

		static Status of(@Nullable Instant acceptedAt, @Nullable Instant revokedAt, Instant expiresAt, Instant now) {
			if (acceptedAt != null) {
				return ACCEPTED;
			}
			if (revokedAt != null) {
				return REVOKED;
			}
			return expiresAt.isAfter(now) ? PENDING : EXPIRED;
		}

	}

}
