package io.baton.tenancy;

/** The SQL of {@code audit_log}: entries written with each change, read by filter. */
final class AuditRows {

	static final String INSERT = """
			INSERT INTO audit_log (tenant_id, actor_id, actor_name, action, target, details)
			VALUES (:tenant, :actorId, :actorName, :action, :target, :details)
			""";

	/** Newest first, one page; {@code %s} is the filter's {@code WHERE} clause. */
	static final String SEARCH = """
			SELECT id, at, actor_name, action, target, details
			FROM audit_log
			WHERE %s
			ORDER BY id DESC
			LIMIT :limit
			""";

	static final String ACTIONS = """
			SELECT DISTINCT action FROM audit_log WHERE tenant_id = :tenant ORDER BY action
			""";

	private AuditRows() {
	}

}
