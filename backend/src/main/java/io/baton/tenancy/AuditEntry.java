package io.baton.tenancy;

import java.time.Instant;
import java.util.Map;

/** One line of a tenant's audit log: who did what to what, and when. */
public record AuditEntry(long id, Instant at, String actorName, String action, String target,
		Map<String, Object> details) {
}
