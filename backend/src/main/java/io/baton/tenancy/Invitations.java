package io.baton.tenancy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import reactor.core.publisher.Mono;

import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.platform.TooMany;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Invitations by link: owners and admins issue, resend and revoke them; whoever opens a
 * valid link while signed in may accept it once, before it expires.
 */
@Service
public class Invitations {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseClient database;

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	private final TenancySettings settings;

	private final Clock clock;

	Invitations(DatabaseClient database, TenantTransactions transactions, AuditLog auditLog, TenancySettings settings,
			Clock clock) {
		this.database = database;
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.settings = settings;
		this.clock = clock;
	}

	public Mono<InvitationLink> invite(CurrentTenant current, String email, Role role) {
		current.requireMemberManagement();
		String cleanEmail = (email != null) ? email.strip() : "";
		if (!EMAIL.matcher(cleanEmail).matches() || cleanEmail.length() > 254) {
			return Mono.error(new Rejected("Enter the email address of the person to invite."));
		}
		if (!role.invitable()) {
			return Mono.error(new Rejected("Invite as admin, agent or viewer; ownership is transferred later."));
		}
		String token = newToken();
		Instant expiresAt = this.clock.instant().plus(this.settings.invitationValidity());
		return this.transactions.inTenant(current.id(), (db) -> pendingFor(db, current, cleanEmail).flatMap((count) -> {
			if (count > 0) {
				return Mono.error(new Rejected(cleanEmail + " already has a pending invitation: resend it instead."));
			}
			return pending(db, current);
		}).flatMap((pending) -> {
			if (pending >= this.settings.maxPendingInvitations()) {
				return Mono.error(new TooMany("This tenant has " + pending
						+ " invitations waiting, the most it may have: revoke some, or wait until they are accepted."));
			}
			return db.sql(InvitationRows.INVITE)
				.bind("id", UUID.randomUUID())
				.bind("tenant", current.id().value())
				.bind("email", cleanEmail)
				.bind("role", role.key())
				.bind("hash", hash(token))
				.bind("by", current.userId().value())
				.bind("expires", expiresAt)
				.fetch()
				.rowsUpdated()
				.then(this.auditLog.record(current, "invitation.created", cleanEmail, Map.of("role", role.key())));
		})).thenReturn(new InvitationLink(cleanEmail, token, expiresAt));
	}

	public Flux<Invitation> list(CurrentTenant current) {
		current.requireMemberManagement();
		Instant now = this.clock.instant();
		return this.transactions.inTenantMany(current.id(), (db) -> db.sql(InvitationRows.LIST)
			.bind("tenant", current.id().value())
			.map((row) -> new Invitation(row.get("id", UUID.class), row.get("email", String.class),
					Role.parse(row.get("role", String.class)).orElseThrow(), row.get("invited_by", String.class),
					row.get("created_at", Instant.class), row.get("expires_at", Instant.class),
					Invitation.Status.of(row.get("accepted_at", Instant.class), row.get("revoked_at", Instant.class),
							row.get("expires_at", Instant.class), now)))
			.all());
	}

	/** Issues a new link (the old one stops working) with a fresh expiry. */
	public Mono<InvitationLink> resend(CurrentTenant current, UUID invitationId) {
		current.requireMemberManagement();
		String token = newToken();
		Instant expiresAt = this.clock.instant().plus(this.settings.invitationValidity());
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(InvitationRows.RESEND)
					.bind("hash", hash(token))
					.bind("expires", expiresAt)
					.bind("tenant", current.id().value())
					.bind("id", invitationId)
					.map((row) -> row.get("email", String.class))
					.one()
					.switchIfEmpty(Mono.error(() -> new NotFound("No such open invitation.")))
					.flatMap((email) -> this.auditLog.record(current, "invitation.resent", email, Map.of())
						.thenReturn(new InvitationLink(email, token, expiresAt))));
	}

	public Mono<Void> revoke(CurrentTenant current, UUID invitationId) {
		current.requireMemberManagement();
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(InvitationRows.REVOKE)
					.bind("tenant", current.id().value())
					.bind("id", invitationId)
					.map((row) -> row.get("email", String.class))
					.one()
					.switchIfEmpty(Mono.error(() -> new NotFound("No such open invitation.")))
					.flatMap((email) -> this.auditLog.record(current, "invitation.revoked", email, Map.of())));
	}

	/** What a link leads to, for anyone holding it. */
	public Mono<InvitationPreview> open(String token) {
		return lookUp(token).map(OpenedInvitation::preview);
	}

	/** The signed-in user accepts the invitation and joins its tenant with its role. */
	/**
	 * What accepting an invitation came to: the tenant, and whether a role waits for an
	 * admin.
	 */
	public record Joined(TenantId tenant, boolean waitsForConfirmation) {
	}

	public Mono<Joined> accept(String token, SignedInUser user) {
		return lookUp(token).flatMap((opened) -> {
			if (opened.preview().status() != Invitation.Status.PENDING) {
				return Mono.error(new Rejected(
						"This invitation is " + opened.preview().status().label().toLowerCase(java.util.Locale.ROOT)
								+ "; ask for a new one."));
			}
			CurrentTenant joining = new CurrentTenant(opened.tenantId(), opened.preview().tenantName(), false,
					user.id(), user.name(), opened.preview().role());
			return this.transactions
				.inTenant(opened.tenantId(),
						(db) -> claim(db, opened, user).then(join(db, opened, user))
							.then(this.auditLog.record(joining, "invitation.accepted", opened.preview().email(),
									Map.of("role", opened.preview().role().key()))))
				.thenReturn(new Joined(opened.tenantId(), opened.preview().role() == Role.ADMIN));
		});
	}

	private Mono<OpenedInvitation> lookUp(String token) {
		Instant now = this.clock.instant();
		return this.database.sql(InvitationRows.LOOK_UP)
			.bind("hash", hash(token))
			.map((row) -> new OpenedInvitation(row.get("id", UUID.class),
					new TenantId(row.get("tenant_id", UUID.class)),
					new InvitationPreview(row.get("tenant_name", String.class), row.get("email", String.class),
							Role.parse(row.get("role", String.class)).orElseThrow(),
							row.get("expires_at", Instant.class),
							Invitation.Status.of(row.get("accepted_at", Instant.class),
									row.get("revoked_at", Instant.class), row.get("expires_at", Instant.class), now))))
			.one()
			.switchIfEmpty(Mono.error(() -> new NotFound("This invitation link is not valid.")));
	}

	private Mono<Void> claim(DatabaseClient db, OpenedInvitation opened, SignedInUser user) {
		return db.sql(InvitationRows.CLAIM)
			.bind("user", user.id().value())
			.bind("id", opened.id())
			.fetch()
			.rowsUpdated()
			.flatMap((claimed) -> (claimed == 1) ? Mono.empty()
					: Mono.error(new Rejected("This invitation was used or revoked meanwhile; ask for a new one.")));
	}

	/**
	 * Joins with the invitation's role; an admin invitation joins as a viewer asking for
	 * admin, since whoever holds the link may not be the person it was sent to.
	 */
	private Mono<Void> join(DatabaseClient db, OpenedInvitation opened, SignedInUser user) {
		Role invited = opened.preview().role();
		boolean confirmFirst = invited == Role.ADMIN;
		return db.sql(InvitationRows.JOIN)
			.bind("tenant", opened.tenantId().value())
			.bind("user", user.id().value())
			.bind("role", (confirmFirst ? Role.VIEWER : invited).key())
			.bind("requested", Parameters.in(R2dbcType.VARCHAR, confirmFirst ? invited.key() : null))
			.fetch()
			.rowsUpdated()
			.then();
	}

	private Mono<Long> pendingFor(DatabaseClient db, CurrentTenant current, String email) {
		return db.sql(InvitationRows.PENDING_FOR)
			.bind("tenant", current.id().value())
			.bind("email", email)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	private Mono<Long> pending(DatabaseClient db, CurrentTenant current) {
		return db.sql(InvitationRows.PENDING)
			.bind("tenant", current.id().value())
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String token) {
		return io.baton.platform.Digests.sha256(token);
	}

	private record OpenedInvitation(UUID id, TenantId tenantId, InvitationPreview preview) {
	}

}
