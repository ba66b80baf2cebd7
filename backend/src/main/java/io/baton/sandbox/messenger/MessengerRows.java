package io.baton.sandbox.messenger;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

/**
 * The SQL of Messenger's state: conversations (window and thread owner), page-scoped ids,
 * the chat log and the pages_messaging check; and the mapping of a conversation's row.
 */
final class MessengerRows {

	static final String INSERT_MESSAGE = """
			INSERT INTO sandbox.messenger_messages (mid, page_id, psid, from_page, app_id, body, sent_at)
			VALUES (:mid, :page, :psid, :fromPage, :app, :body, :at)
			""";

	/** The conversation's last {@code :limit} messages, oldest first. */
	static final String RECENT_MESSAGES = """
			SELECT * FROM (SELECT mid, from_page, app_id, body::text AS body, sent_at, seq
			               FROM sandbox.messenger_messages WHERE page_id = :page AND psid = :psid
			               ORDER BY seq DESC LIMIT :limit) recent ORDER BY seq""";

	static final String FIND_MESSAGE = """
			SELECT mid, from_page, app_id, body::text AS body, sent_at FROM sandbox.messenger_messages
			WHERE page_id = :page AND psid = :psid AND mid = :mid
			""";

	static final String INSERT_CONVERSATION = """
			INSERT INTO sandbox.conversations (page_id, psid) VALUES (:page, :psid) ON CONFLICT DO NOTHING
			""";

	static final String FIND_CONVERSATION = """
			SELECT * FROM sandbox.conversations WHERE page_id = :page AND psid = :psid
			""";

	/** The person acted other than by a message: the window opens (again). */
	static final String PERSON_ACTED = """
			UPDATE sandbox.conversations SET last_interaction_at = :now WHERE page_id = :page AND psid = :psid
			""";

	/** The person sent a message: the window opens (again), also for HUMAN_AGENT. */
	static final String PERSON_MESSAGED = """
			UPDATE sandbox.conversations SET last_interaction_at = :now, last_message_at = :now
			WHERE page_id = :page AND psid = :psid
			""";

	/** Sets the thread owner ({@code :owner} null: none). */
	static final String SET_OWNER = """
			UPDATE sandbox.conversations SET owner_app_id = :owner, owner_since = :now, owner_active_at = :now
			WHERE page_id = :page AND psid = :psid
			""";

	static final String OWNER_ACTED = """
			UPDATE sandbox.conversations SET owner_active_at = :now
			WHERE page_id = :page AND psid = :psid AND owner_app_id = :app
			""";

	/** The person's PSID on the page, made on first contact. */
	static final String PSID = """
			INSERT INTO sandbox.psids (page_id, user_id) VALUES (:page, :user)
			ON CONFLICT (page_id, user_id) DO UPDATE SET page_id = EXCLUDED.page_id RETURNING id
			""";

	static final String PERSON_ON_PAGE = """
			SELECT user_id FROM sandbox.psids WHERE page_id = :page AND id = :psid
			""";

	static final String FIND_PSID = """
			SELECT page_id, user_id FROM sandbox.psids WHERE id = :psid
			""";

	static final String PAGES_MESSAGING_GRANTED = """
			SELECT 1 FROM sandbox.grants WHERE app_id = :app AND user_id = :user
			AND permission = 'pages_messaging' AND status = 'granted'
			""";

	private MessengerRows() {
	}

	static Conversation conversation(Readable row) {
		return new Conversation(row.get("page_id", String.class), row.get("psid", String.class),
				row.get("last_interaction_at", OffsetDateTime.class), row.get("last_message_at", OffsetDateTime.class),
				row.get("owner_app_id", String.class), row.get("owner_active_at", OffsetDateTime.class));
	}

}
