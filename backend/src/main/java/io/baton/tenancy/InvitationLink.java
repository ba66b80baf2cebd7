package io.baton.tenancy;

import java.time.Instant;

/**
 * A freshly issued invitation with its secret link. Only the token's hash is stored, so
 * the link can be shown this once (and issued anew by resending).
 */
public record InvitationLink(String email, String token, Instant expiresAt) {

	public String path() {
		return "/invitations/" + this.token;
	}

	@Override
	public String toString() {
		return "InvitationLink[" + this.email + ", expires " + this.expiresAt + "]";
	}

}
