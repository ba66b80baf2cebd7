package io.baton.sandbox.graph;

/**
 * The SQL of the access tokens the sandbox issued ({@code sandbox.access_tokens}) and of
 * the life events that end them.
 */
final class TokenRows {

	/**
	 * Ends the live tokens that the condition appended to it selects, for
	 * {@code :reason}.
	 */
	private static final String END = """
			UPDATE sandbox.access_tokens SET invalidated_at = now(), invalidated_reason = :reason
			WHERE invalidated_at IS NULL AND\s""";

	static final String INSERT_APP_TOKEN = """
			INSERT INTO sandbox.access_tokens (token, kind, app_id) VALUES (:token, 'APP', :app)
			""";

	/** A page token never expires. */
	static final String INSERT_PAGE_TOKEN = """
			INSERT INTO sandbox.access_tokens (token, kind, app_id, user_id, page_id, long_lived)
			VALUES (:token, 'PAGE', :app, :user, :page, true)
			""";

	static final String INSERT_USER_TOKEN = """
			INSERT INTO sandbox.access_tokens (token, kind, app_id, user_id, long_lived, expires_at)
			VALUES (:token, 'USER', :app, :user, :longLived, now() + make_interval(secs => :seconds))
			""";

	/**
	 * A stored token as {@code debug_token} describes it, with the person's last sign-in
	 * to the app.
	 */
	static final String FACTS = """
			SELECT t.kind, t.app_id, t.user_id, t.page_id, t.issued_at, t.expires_at,
			(SELECT max(u.issued_at) FROM sandbox.access_tokens u WHERE u.kind = 'USER'
			AND u.app_id = t.app_id AND u.user_id = t.user_id) AS last_sign_in
			FROM sandbox.access_tokens t WHERE t.token = :token
			""";

	static final String CHECK = """
			SELECT app_id, user_id, page_id, expires_at, invalidated_reason, now() AS now
			FROM sandbox.access_tokens WHERE token = :token
			""";

	/** The newest live page token of the app, person and page. */
	static final String LIVE_PAGE_TOKEN = """
			SELECT token FROM sandbox.access_tokens WHERE kind = 'PAGE' AND app_id = :app AND user_id = :user
			AND page_id = :page AND invalidated_at IS NULL AND (expires_at IS NULL OR expires_at > now())
			ORDER BY issued_at DESC LIMIT 1
			""";

	static final String END_USER_TOKENS = END + "user_id = :user";

	static final String END_APP_USER_TOKENS = END + "app_id = :app AND user_id = :user";

	static final String END_PAGE_TOKENS_OF_PAGE = END + "kind = 'PAGE' AND page_id = :page AND user_id = :user";

	static final String END_PAGE_TOKENS_OF_APP = END + "kind = 'PAGE' AND app_id = :app AND user_id = :user";

	static final String END_TOKEN = END + "token = :token";

	static final String DELETE_GRANTS = """
			DELETE FROM sandbox.grants WHERE app_id = :app AND user_id = :user
			""";

	static final String DELETE_PAGE_GRANTS = """
			DELETE FROM sandbox.page_grants WHERE app_id = :app AND user_id = :user
			""";

	static final String DECLINE_PERMISSION = """
			UPDATE sandbox.grants SET status = 'declined', updated_at = now()
			WHERE app_id = :app AND user_id = :user AND permission = :permission
			""";

	private TokenRows() {
	}

}
