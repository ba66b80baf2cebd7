package io.baton.routing;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.baton.platform.MultiRowValues;

/**
 * The SQL of routing: batches marked routed, events seen, contacts and what is kept of
 * them.
 */
final class RoutingRows {

	static final String CLAIM_BATCHES = """
			SELECT id, received_at, tenant_id, app_id, body
			FROM claim_batches(:limit)
			""";

	/**
	 * Whether the batches' tenant still exists and, if their app does too, whether it has
	 * a bot endpoint ({@code null} when the app was deleted).
	 */
	static final String DESTINATION = """
			SELECT EXISTS (SELECT 1 FROM tenants WHERE id = :tenant) AS tenant_exists,
			       (SELECT bot_endpoint IS NOT NULL FROM apps WHERE tenant_id = :tenant AND app_id = :app) AS has_endpoint
			""";

	static final String MARK_ROUTED = """
			UPDATE webhook_batches
			SET routed_at = now()
			WHERE tenant_id = :tenant AND app_id = :app AND id = ANY(:ids) AND received_at >= :oldest
			""";

	static final String MARK_DISCARDED = """
			UPDATE webhook_batches
			SET routed_at = now(), discarded = true
			WHERE tenant_id = :tenant AND app_id = :app AND id = ANY(:ids) AND received_at >= :oldest
			""";

	static final String ACCOUNT_LINKING = """
			UPDATE contacts
			SET account_linking = :status, account_linking_at = :at,
			    linked_account = COALESCE(NULLIF(:account, ''), linked_account)
			WHERE tenant_id = :tenant AND page_id = :page AND psid = :psid
			  AND (account_linking_at IS NULL OR account_linking_at <= :at)
			""";

	static final String THREAD_OWNER = """
			UPDATE contacts
			SET thread_owner_app_id = :owner, thread_owner_at = :at
			WHERE tenant_id = :tenant AND page_id = :page AND psid = :psid
			  AND (thread_owner_at IS NULL OR thread_owner_at <= :at)
			""";

	static final String NOTIFICATION_TOKEN = """
			INSERT INTO notification_tokens AS t (tenant_id, app_id, page_id, psid, kind, topic, payload,
			  token_sealed, token_hash, frequency, timezone, status, expires_at)
			VALUES (:tenant, :app, :page, :psid, :kind, :topic, :payload, :sealed, :hash, :frequency,
			  :timezone, :status, :expires)
			ON CONFLICT (tenant_id, page_id, token_hash)
			DO UPDATE SET status = EXCLUDED.status, expires_at = COALESCE(EXCLUDED.expires_at, t.expires_at),
			  updated_at = now()
			""";

	static final String SEALED_NOTIFICATION_TOKENS = """
			SELECT id, page_id, token_sealed
			FROM notification_tokens
			WHERE tenant_id = :tenant FOR UPDATE
			""";

	static final String RESEAL_NOTIFICATION_TOKEN = """
			UPDATE notification_tokens
			SET token_sealed = :sealed
			WHERE id = :id
			""";

	static final String FORGET_SEEN_EVENTS = """
			DELETE FROM seen_events
			WHERE (tenant_id, app_id, key) IN (SELECT tenant_id, app_id, key
			                                   FROM seen_events
			                                   WHERE tenant_id = :tenant AND seen_at < now() - :keepDays * interval '1 day'
			                                   LIMIT :limit)
			""";

	static final MultiRowValues SEEN = new MultiRowValues("INSERT INTO seen_events (tenant_id, app_id, key)",
			"ON CONFLICT DO NOTHING RETURNING key", List.of(UUID.class, String.class, String.class));

	/** Each routed event's delivery, {@code pending} or {@code skipped} without a bot. */
	static final MultiRowValues DELIVERIES = new MultiRowValues("""
			INSERT INTO deliveries (tenant_id, app_id, page_id, psid, lane, field, event_type, mid, event_at,
			                        batch_id, received_at, payload, status, last_error)""", "",
			List.of(UUID.class, String.class, String.class, String.class, String.class, String.class, String.class,
					String.class, Instant.class, Long.class, Instant.class, ByteBuffer.class, String.class,
					String.class));

	static final MultiRowValues CONTACTS = new MultiRowValues("""
			INSERT INTO contacts AS c (tenant_id, page_id, psid, first_seen_at, last_seen_at, last_interaction_at)""",
			"""
					ON CONFLICT (tenant_id, page_id, psid) DO UPDATE
					SET first_seen_at = LEAST(c.first_seen_at, EXCLUDED.first_seen_at),
					    last_seen_at = GREATEST(c.last_seen_at, EXCLUDED.last_seen_at),
					    last_interaction_at = GREATEST(c.last_interaction_at, EXCLUDED.last_interaction_at)""",
			List.of(UUID.class, String.class, String.class, Instant.class, Instant.class, Instant.class));

	static final MultiRowValues REFERRALS = new MultiRowValues(
			"INSERT INTO contact_referrals (tenant_id, page_id, psid, ref, source, type, at)", "",
			List.of(UUID.class, String.class, String.class, String.class, String.class, String.class, Instant.class));

	private RoutingRows() {
	}

}
