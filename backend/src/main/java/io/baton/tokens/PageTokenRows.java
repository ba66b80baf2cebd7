package io.baton.tokens;

/**
 * The SQL of {@code page_connections}: each page's sealed token for an app, how it was
 * last checked.
 */
final class PageTokenRows {

	static final String STORE = """
			INSERT INTO page_connections (tenant_id, app_id, page_id, token_sealed, scopes, subscribed_fields,
			  connected_by)
			VALUES (:tenant, :app, :page, :sealed, :scopes, :fields, :by)
			ON CONFLICT (app_id, page_id)
			DO UPDATE SET token_sealed = excluded.token_sealed, scopes = excluded.scopes,
			  subscribed_fields = excluded.subscribed_fields, issued_at = now(), status = 'valid', cause = '',
			  connected_by = excluded.connected_by, connected_at = now()
			""";

	static final String TOKEN_FOR = """
			UPDATE page_connections
			SET last_used_at = now()
			WHERE tenant_id = :tenant AND app_id = :app AND page_id = :page
			RETURNING token_sealed
			""";

	static final String INVENTORY = """
			SELECT c.*, a.name AS app_name, p.name AS page_name
			FROM page_connections c
			JOIN apps a ON a.app_id = c.app_id
			JOIN pages p ON p.page_id = c.page_id
			WHERE c.tenant_id = :tenant
			ORDER BY p.name, a.name
			""";

	static final String CONNECTED_PAGES = """
			SELECT page_id
			FROM page_connections
			WHERE tenant_id = :tenant AND app_id = :app
			ORDER BY page_id
			""";

	static final String VALID_PAGES = """
			SELECT page_id
			FROM page_connections
			WHERE tenant_id = :tenant AND app_id = :app AND status = 'valid'
			ORDER BY page_id
			""";

	static final String INVALID_COUNT = """
			SELECT count(*)
			FROM page_connections
			WHERE tenant_id = :tenant AND status = 'invalid'
			""";

	static final String MARK_INVALID = """
			UPDATE page_connections
			SET status = 'invalid', cause = :cause, last_checked_at = now()
			WHERE tenant_id = :tenant AND app_id = :app AND page_id = :page
			""";

	static final String ERASE = """
			DELETE FROM page_connections
			WHERE tenant_id = :tenant AND app_id = :app AND page_id = :page
			""";

	static final String SEALED_TOKENS = """
			SELECT app_id, page_id, token_sealed
			FROM page_connections
			WHERE tenant_id = :tenant FOR UPDATE
			""";

	static final String RESEAL = """
			UPDATE page_connections
			SET token_sealed = :sealed
			WHERE tenant_id = :tenant AND app_id = :app AND page_id = :page
			""";

	static final String CLAIM_CHECKS = """
			SELECT tenant_id, app_id, page_id
			FROM claim_token_checks(:before, :limit)
			""";

	static final String RECORD_CHECK = """
			UPDATE page_connections
			SET status = :status, cause = :cause, scopes = :scopes, expires_at = :expires,
			  data_access_expires_at = :dataAccess, last_checked_at = now()
			WHERE tenant_id = :tenant AND app_id = :app AND page_id = :page
			RETURNING (SELECT status FROM page_connections p WHERE p.app_id = :app AND p.page_id = :page) AS before
			""";

	private PageTokenRows() {
	}

}
