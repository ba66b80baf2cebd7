package io.baton.sandbox.login;

/** The SQL of the login dialog: its sessions and the authorization codes it issues. */
final class LoginRows {

	static final String INSERT_CODE = """
			INSERT INTO sandbox.authorization_codes (code, app_id, user_id, redirect_uri, expires_at)
			VALUES (:code, :app, :user, :redirectUri, now() + make_interval(secs => :seconds))
			""";

	// One statement, so two concurrent exchanges of one code cannot both succeed: the
	// UPDATE re-checks used_at on the locked row.
	static final String REDEEM_CODE = """
			WITH found AS (
			    SELECT code, app_id, user_id, redirect_uri, expires_at <= now() AS expired, used_at IS NOT NULL AS used
			    FROM sandbox.authorization_codes WHERE code = :code AND app_id = :app
			), claimed AS (
			    UPDATE sandbox.authorization_codes c SET used_at = now()
			    FROM found f
			    WHERE c.code = f.code AND c.used_at IS NULL AND NOT f.expired AND f.redirect_uri = :redirectUri
			    RETURNING c.code
			)
			SELECT f.user_id, f.expired, f.used, f.redirect_uri = :redirectUri AS same_redirect,
			       EXISTS (SELECT 1 FROM claimed) AS claimed
			FROM found f
			""";

	/** The person signed in to the dialog, while the session lasts. */
	static final String SESSION_USER = """
			SELECT u.id, u.name FROM sandbox.dialog_sessions s JOIN sandbox.users u ON u.id = s.user_id
			WHERE s.id = :id AND s.expires_at > now()
			""";

	static final String INSERT_SESSION = """
			INSERT INTO sandbox.dialog_sessions (id, user_id, expires_at)
			VALUES (:id, :user, now() + make_interval(secs => :seconds))
			""";

	static final String DELETE_SESSION = """
			DELETE FROM sandbox.dialog_sessions WHERE id = :id
			""";

	private LoginRows() {
	}

}
