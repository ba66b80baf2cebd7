package io.baton.tenancy;

import java.time.Instant;

/** A person in a tenant, with their role. */
public record Member(UserId userId, String name, Role role, Instant joinedAt) {
}
