package io.baton.tenancy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.platform.NotFound;
import io.baton.platform.Rejected;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/** A tenant's members: listing, roles, removal, ownership, leaving. */
@Service
public class Members {

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	Members(TenantTransactions transactions, AuditLog auditLog) {
		this.transactions = transactions;
		this.auditLog = auditLog;
	}

	/**
	 * Adds a user to a tenant with {@code role} unless they already belong to it, noting
	 * in the audit log how they came; answers whether they were added. For joins no
	 * member approves (demo mode); invitations have their own path.
	 */
	public Mono<Boolean> admit(TenantId tenant, String tenantName, SignedInUser newcomer, Role role, String via) {
		CurrentTenant joining = new CurrentTenant(tenant, tenantName, true, newcomer.id(), newcomer.name(), role);
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(TenantRows.ADMIT)
					.bind("user", newcomer.id().value())
					.bind("role", role.name().toLowerCase(java.util.Locale.ROOT))
					.bind("tenant", tenant.value())
					.fetch()
					.rowsUpdated()
					.flatMap((added) -> (added == 1)
							? this.auditLog.record(joining, "member.joined", newcomer.name(), Map.of("via", via))
								.thenReturn(true)
							: Mono.just(false)));
	}

	public Flux<Member> list(CurrentTenant current) {
		return this.transactions.inTenantMany(current.id(),
				(db) -> db.sql(TenantRows.LIST).bind("tenant", current.id().value()).map(Members::member).all());
	}

	/**
	 * Gives a member another role; the owner's role changes only by transferring
	 * ownership.
	 */
	public Mono<Void> changeRole(CurrentTenant current, UserId memberId, Role newRole) {
		current.requireMemberManagement();
		return this.transactions.inTenant(current.id(), (db) -> find(db, current, memberId).flatMap((member) -> {
			if (member.userId().equals(current.userId())) {
				return Mono.error(new Rejected("You cannot change your own role."));
			}
			if (member.role() == Role.OWNER || newRole == Role.OWNER) {
				return Mono.error(new Rejected("Ownership changes hands only by transferring it."));
			}
			if (member.role() == newRole) {
				return Mono.empty();
			}
			return setRole(db, current, memberId, newRole).then(this.auditLog.record(current, "member.role_changed",
					member.name(), Map.of("from", member.role().key(), "to", newRole.key())));
		}));
	}

	public Mono<Void> remove(CurrentTenant current, UserId memberId) {
		current.requireMemberManagement();
		return this.transactions.inTenant(current.id(), (db) -> find(db, current, memberId).flatMap((member) -> {
			if (member.role() == Role.OWNER) {
				return Mono.error(new Rejected("The owner cannot be removed; the owner may transfer ownership."));
			}
			if (member.userId().equals(current.userId())) {
				return Mono.error(new Rejected("To remove yourself, leave the tenant."));
			}
			return delete(db, current, memberId).then(this.auditLog.record(current, "member.removed", member.name(),
					Map.of("role", member.role().key())));
		}));
	}

	/** The owner hands ownership to another member and becomes an admin. */
	public Mono<Void> transferOwnership(CurrentTenant current, UserId newOwnerId) {
		current.require(current.role() == Role.OWNER, "transfer ownership");
		return this.transactions.inTenant(current.id(), (db) -> find(db, current, newOwnerId).flatMap((member) -> {
			if (member.userId().equals(current.userId())) {
				return Mono.error(new Rejected("You already own this tenant."));
			}
			return setRole(db, current, current.userId(), Role.ADMIN).then(setRole(db, current, newOwnerId, Role.OWNER))
				.then(this.auditLog.record(current, "tenant.ownership_transferred", member.name(),
						Map.of("previousRole", member.role().key())));
		}));
	}

	/** The member leaves the tenant; an owner must first hand ownership on. */
	public Mono<Void> leave(CurrentTenant current) {
		if (current.role() == Role.OWNER) {
			return Mono.error(new Rejected(
					"The owner cannot leave; transfer ownership to another member first, or delete the tenant."));
		}
		return this.transactions.inTenant(current.id(),
				(db) -> this.auditLog.record(current, "member.left", current.userName(), Map.of())
					.then(delete(db, current, current.userId())));
	}

	private Mono<Member> find(DatabaseClient db, CurrentTenant current, UserId memberId) {
		return db.sql(TenantRows.FIND)
			.bind("tenant", current.id().value())
			.bind("user", memberId.value())
			.map(Members::member)
			.one()
			.switchIfEmpty(Mono.error(() -> new NotFound("No such member.")));
	}

	private static Member member(Readable row) {
		return new Member(new UserId(row.get("user_id", UUID.class)), row.get("name", String.class),
				Role.parse(row.get("role", String.class)).orElseThrow(),
				Optional.ofNullable(row.get("requested_role", String.class)).flatMap(Role::parse).orElse(null),
				row.get("joined_at", Instant.class));
	}

	private Mono<Void> setRole(DatabaseClient db, CurrentTenant current, UserId memberId, Role role) {
		return db.sql(TenantRows.SET_ROLE)
			.bind("role", role.key())
			.bind("tenant", current.id().value())
			.bind("user", memberId.value())
			.fetch()
			.rowsUpdated()
			.then();
	}

	private Mono<Void> delete(DatabaseClient db, CurrentTenant current, UserId memberId) {
		return db.sql(TenantRows.REMOVE_MEMBER)
			.bind("tenant", current.id().value())
			.bind("user", memberId.value())
			.fetch()
			.rowsUpdated()
			.then();
	}

}
