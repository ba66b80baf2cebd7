package io.baton.sandbox.pages;

/**
 * The SQL of the sandbox's pages: the pages, the people's roles on them, the apps'
 * handover roles, and the pages a person manages for an app.
 */
final class PageRows {

	/** The pages granted to {@code :app} that {@code :user} still has a role on. */
	private static final String MANAGED = """
			SELECT p.id, p.name, p.category, r.tasks
			FROM sandbox.page_grants g
			JOIN sandbox.page_roles r ON r.page_id = g.page_id AND r.user_id = g.user_id
			JOIN sandbox.pages p ON p.id = g.page_id
			WHERE g.app_id = :app AND g.user_id = :user
			""";

	/** The window of managed pages after {@code :after}, in id order. */
	static final String MANAGED_AFTER = MANAGED + """
			 AND (length(p.id), p.id) > (length(:after), :after)
			ORDER BY length(p.id), p.id LIMIT :limit
			""";

	/** The window of managed pages before {@code :before}, nearest first. */
	static final String MANAGED_BEFORE = MANAGED + """
			 AND (length(p.id), p.id) < (length(:before), :before)
			ORDER BY length(p.id) DESC, p.id DESC LIMIT :limit
			""";

	static final String INSERT_PAGE = """
			INSERT INTO sandbox.pages (name, category) VALUES (:name, :category) RETURNING id, name, category
			""";

	static final String FIND_PAGE = """
			SELECT id, name, category FROM sandbox.pages WHERE id = :id
			""";

	static final String PAGES = """
			SELECT id, name, category FROM sandbox.pages ORDER BY created_at, id LIMIT 1000
			""";

	static final String GIVE_ROLE = """
			INSERT INTO sandbox.page_roles (page_id, user_id, tasks) VALUES (:page, :user, :tasks)
			ON CONFLICT (page_id, user_id) DO UPDATE SET tasks = EXCLUDED.tasks
			""";

	static final String TAKE_ROLE = """
			DELETE FROM sandbox.page_roles WHERE page_id = :page AND user_id = :user
			""";

	static final String ROLES = """
			SELECT r.user_id, u.name, r.tasks FROM sandbox.page_roles r JOIN sandbox.users u ON u.id = r.user_id
			WHERE r.page_id = :page ORDER BY u.name, r.user_id
			""";

	/** The page's primary receiver, other than {@code :app}, becomes a secondary one. */
	static final String DEMOTE_PRIMARY = """
			UPDATE sandbox.page_app_roles SET role = 'secondary_receiver'
			WHERE page_id = :page AND role = 'primary_receiver' AND app_id <> :app
			""";

	static final String SET_APP_ROLE = """
			INSERT INTO sandbox.page_app_roles (page_id, app_id, role) VALUES (:page, :app, :role)
			ON CONFLICT (page_id, app_id) DO UPDATE SET role = EXCLUDED.role
			""";

	static final String DELETE_APP_ROLE = """
			DELETE FROM sandbox.page_app_roles WHERE page_id = :page AND app_id = :app
			""";

	static final String APP_ROLES = """
			SELECT app_id, role FROM sandbox.page_app_roles WHERE page_id = :page ORDER BY role, app_id
			""";

	private PageRows() {
	}

}
