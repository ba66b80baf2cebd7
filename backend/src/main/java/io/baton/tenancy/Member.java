package io.baton.tenancy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A person in a tenant, with their role, and the role an invitation asked for until an
 * owner or admin confirms it.
 */
public record Member(UserId userId, String name, Role role, @Nullable Role requestedRole, Instant joinedAt) {
}
