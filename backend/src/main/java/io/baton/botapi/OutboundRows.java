package io.baton.botapi;

import java.time.Instant;

import io.r2dbc.spi.Readable;

/** The SQL of {@code outbound_messages} and the mapping of its rows. */
final class OutboundRows {

	static final String INSERT = """
			INSERT INTO outbound_messages (tenant_id, app_id, page_id, psid, key_prefix, kind, message_id, status,
			  http_status, error_code, error_subcode, error, attempts, duration_ms)
			VALUES (:tenant, :app, :page, :psid, :key, :kind, :messageId, :status, :httpStatus, :errorCode,
			  :errorSubcode, :error, :attempts, :durationMs)
			""";

	/** Newest first; the optional conditions come from {@code platform.Filters}. */
	static final String SEARCH = """
			SELECT id, app_id, page_id, psid, key_prefix, kind, message_id, status, http_status, error_code,
			  error_subcode, error, attempts, duration_ms, at
			FROM outbound_messages
			WHERE %s
			ORDER BY id DESC
			LIMIT :limit
			""";

	static final String ERASE_PERSON = """
			DELETE FROM outbound_messages WHERE tenant_id = :tenant AND page_id = :page AND psid = :psid
			""";

	static final String OF_PERSON = """
			SELECT app_id, kind, message_id, status, http_status, error_code, error_subcode, error, attempts, at
			  FROM outbound_messages WHERE tenant_id = :tenant AND page_id = :page AND psid = :psid ORDER BY at, id
			""";

	private OutboundRows() {
	}

	static SentMessage sentMessage(Readable row) {
		return new SentMessage(row.get("id", Long.class), row.get("app_id", String.class),
				row.get("page_id", String.class), row.get("psid", String.class), row.get("key_prefix", String.class),
				row.get("kind", String.class), row.get("message_id", String.class), row.get("status", String.class),
				row.get("http_status", Integer.class), row.get("error_code", Integer.class),
				row.get("error_subcode", Integer.class), row.get("error", String.class),
				row.get("attempts", Integer.class), row.get("duration_ms", Integer.class),
				row.get("at", Instant.class));
	}

}
