package io.baton.sandbox.accounts;

import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;

/**
 * The SQL of the sandbox's accounts: people, apps, app-scoped ids, and the permissions
 * and pages each person granted to each app; and the mapping of an app's row.
 */
final class AccountRows {

	private static final String APP_COLUMNS = "id, secret, name, redirect_uris, appsecret_proof_required, category, link";

	/** The person's id for the app, made on first use. */
	static final String APP_SCOPED_ID = """
			INSERT INTO sandbox.app_scoped_ids (app_id, user_id) VALUES (:app, :user)
			ON CONFLICT (app_id, user_id) DO UPDATE SET app_id = EXCLUDED.app_id RETURNING id
			""";

	static final String GRANTS = """
			SELECT permission, status FROM sandbox.grants WHERE app_id = :app AND user_id = :user
			ORDER BY permission
			""";

	static final String UPSERT_GRANT = """
			INSERT INTO sandbox.grants (app_id, user_id, permission, status) VALUES (:app, :user, :permission, :status)
			ON CONFLICT (app_id, user_id, permission)
			DO UPDATE SET status = EXCLUDED.status, updated_at = now()
			""";

	/** The pages the person has a role on. */
	static final String OFFERABLE_PAGES = """
			SELECT p.id, p.name, p.category FROM sandbox.page_roles r JOIN sandbox.pages p ON p.id = r.page_id
			WHERE r.user_id = :user ORDER BY length(p.id), p.id LIMIT 1000
			""";

	/** The pages granted to the app that the person still has a role on. */
	static final String GRANTED_PAGES = """
			SELECT g.page_id FROM sandbox.page_grants g JOIN sandbox.page_roles r
			ON r.page_id = g.page_id AND r.user_id = g.user_id
			WHERE g.app_id = :app AND g.user_id = :user ORDER BY length(g.page_id), g.page_id
			""";

	static final String ANY_PAGE_CHOSEN = """
			SELECT EXISTS (SELECT 1 FROM sandbox.page_grants WHERE app_id = :app AND user_id = :user) AS any
			""";

	static final String DELETE_UNCHOSEN_PAGES = """
			DELETE FROM sandbox.page_grants WHERE app_id = :app AND user_id = :user
			AND NOT (page_id = ANY(:pages))
			""";

	/** Grants the chosen pages that the person has a role on. */
	static final String INSERT_CHOSEN_PAGES = """
			INSERT INTO sandbox.page_grants (app_id, user_id, page_id)
			SELECT :app, :user, r.page_id FROM sandbox.page_roles r
			WHERE r.user_id = :user AND r.page_id = ANY(:pages) ON CONFLICT DO NOTHING
			""";

	static final String FIND_APP = "SELECT " + APP_COLUMNS + " FROM sandbox.apps WHERE id = :id";

	static final String APPS = "SELECT " + APP_COLUMNS + " FROM sandbox.apps ORDER BY created_at DESC, id LIMIT 500";

	/** Registers an app; no row when the id is taken. */
	static final String INSERT_APP = """
			INSERT INTO sandbox.apps (id, secret, name, redirect_uris, appsecret_proof_required, category, link)
			VALUES (:id, :secret, :name, :redirectUris, :proof, :category, :link)
			ON CONFLICT (id) DO NOTHING RETURNING\s""" + APP_COLUMNS;

	/**
	 * The login app of the settings, written over at every start on the schema's JDBC
	 * connection, hence positional parameters: id, secret, name, redirect URIs.
	 */
	static final String SEED_LOGIN_APP = """
			INSERT INTO sandbox.apps (id, secret, name, redirect_uris) VALUES (?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE
			SET secret = EXCLUDED.secret, name = EXCLUDED.name, redirect_uris = EXCLUDED.redirect_uris
			""";

	static final String RECENT_USERS = """
			SELECT id, name FROM sandbox.users ORDER BY created_at DESC, id DESC LIMIT :limit
			""";

	static final String USERS = """
			SELECT id, name FROM sandbox.users ORDER BY created_at, id LIMIT 500
			""";

	static final String FIND_USER = """
			SELECT id, name FROM sandbox.users WHERE id = :id
			""";

	static final String INSERT_USER = """
			INSERT INTO sandbox.users (name) VALUES (:name) RETURNING id, name
			""";

	private AccountRows() {
	}

	/** An app of a row with {@code APP_COLUMNS}. */
	static SandboxApp app(Readable row) {
		String[] redirectUris = row.get("redirect_uris", String[].class);
		return new SandboxApp(row.get("id", String.class), row.get("secret", String.class),
				row.get("name", String.class), (redirectUris != null) ? Arrays.asList(redirectUris) : List.of(),
				Boolean.TRUE.equals(row.get("appsecret_proof_required", Boolean.class)),
				row.get("category", String.class), row.get("link", String.class));
	}

}
