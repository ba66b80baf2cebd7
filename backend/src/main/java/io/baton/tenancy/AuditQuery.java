package io.baton.tenancy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A filter over the audit log, read newest first one page at a time.
 *
 * @param action exact action name, or null for all
 * @param actor part of the actor's name, or null for all
 * @param from earliest time, inclusive
 * @param until latest time, exclusive
 * @param before only entries older than this id (the next page)
 */
public record AuditQuery(@Nullable String action, @Nullable String actor, @Nullable Instant from,
		@Nullable Instant until, @Nullable Long before) {

	public static final int PAGE_SIZE = 50;

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}

}
