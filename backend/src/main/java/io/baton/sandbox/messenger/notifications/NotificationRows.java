package io.baton.sandbox.messenger.notifications;

/**
 * The SQL of a page's notification tokens: one-time ({@code sandbox.otn_tokens}) and
 * recurring ({@code sandbox.recurring_tokens}).
 */
final class NotificationRows {

	static final String INSERT_ONE_TIME = """
			INSERT INTO sandbox.otn_tokens (token, page_id, psid, payload, issued_at, expires_at)
			VALUES (:token, :page, :psid, :payload, :now, :expires)
			""";

	/** Spends the token if it is the page's, unused and not expired. */
	static final String SPEND_ONE_TIME = """
			UPDATE sandbox.otn_tokens SET used_at = :now WHERE token = :token AND page_id = :page
			AND used_at IS NULL AND expires_at > :now RETURNING psid
			""";

	/** The person's earlier token of the topic, replaced by a new opt-in. */
	static final String DELETE_RECURRING_OF_TOPIC = """
			DELETE FROM sandbox.recurring_tokens WHERE page_id = :page AND psid = :psid AND payload = :payload
			RETURNING token
			""";

	static final String INSERT_RECURRING = """
			INSERT INTO sandbox.recurring_tokens
			    (token, page_id, psid, payload, title, frequency, timezone, issued_at, expires_at)
			VALUES (:token, :page, :psid, :payload, :title, :frequency, :timezone, :now, :expires)""";

	static final String SET_RECURRING_STOPPED = """
			UPDATE sandbox.recurring_tokens SET stopped = :stopped
			WHERE token = :token AND page_id = :page AND psid = :psid
			RETURNING payload, title, frequency, timezone, expires_at
			""";

	static final String FIND_RECURRING = """
			SELECT psid, frequency, expires_at, stopped, last_sent_at FROM sandbox.recurring_tokens
			WHERE token = :token AND page_id = :page
			""";

	/** Spends the token unless another send spent it since {@code :last} was read. */
	static final String SPEND_RECURRING = """
			UPDATE sandbox.recurring_tokens SET last_sent_at = :now WHERE token = :token
			AND last_sent_at IS NOT DISTINCT FROM :last
			""";

	private NotificationRows() {
	}

}
