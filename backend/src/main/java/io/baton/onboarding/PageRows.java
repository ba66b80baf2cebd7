package io.baton.onboarding;

/**
 * The SQL of pages connected to a tenant's apps, as onboarding claims and releases them.
 */
final class PageRows {

	static final String INSERT_PAGE = """
			INSERT INTO pages (page_id, tenant_id, name, category)
			VALUES (:page, :tenant, :name, :category)
			ON CONFLICT (page_id) DO NOTHING
			RETURNING page_id
			""";

	static final String OWNED_PAGE = """
			SELECT count(*)
			FROM pages
			WHERE tenant_id = :tenant AND page_id = :page
			""";

	static final String RELEASE_IF_UNUSED = """
			DELETE FROM pages
			WHERE tenant_id = :tenant AND page_id = :page AND NOT EXISTS (SELECT 1 FROM page_connections c WHERE c.page_id = :page)
			""";

	private PageRows() {
	}

}
