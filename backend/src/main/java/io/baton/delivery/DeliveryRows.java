package io.baton.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import io.baton.platform.Redaction;

/**
 * The SQL of the delivery log ({@code deliveries}, {@code delivery_attempts},
 * {@code endpoint_states}) as staff and the API read and act on it, and the mapping of
 * its rows. Statuses are written as {@link DeliveryStatus#value()}.
 */
final class DeliveryRows {

	private static final String COLUMNS = """
			id, app_id, page_id, psid, field, event_type, mid, event_at, received_at, created_at, status, attempts,
			next_attempt_at, last_status, last_error, delivered_at""";

	/** Newest first, one page; {@code %s} is the filter's {@code WHERE} clause. */
	static final String SEARCH = "SELECT " + COLUMNS + """

			FROM deliveries
			WHERE %s
			ORDER BY id DESC
			LIMIT :limit
			""";

	static final String FIND = "SELECT " + COLUMNS + """
			, payload
			FROM deliveries
			WHERE tenant_id = :tenant AND id = :id
			""";

	static final String ATTEMPTS = """
			SELECT attempt, at, endpoint, duration_ms, status, outcome, error, response_body
			FROM delivery_attempts
			WHERE tenant_id = :tenant AND delivery_id = :id
			ORDER BY at, attempt
			""";

	/**
	 * Due again at once, unless a worker holds its lease right now; {@code :app} empty
	 * for any of the tenant's apps.
	 */
	static final String REPLAY = """
			UPDATE deliveries
			SET status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL, leased_by = NULL,
			    updated_at = now()
			WHERE tenant_id = :tenant AND id = :id AND (:app = '' OR app_id = :app)
			  AND (status <> 'pending' OR leased_until IS NULL OR leased_until < now())
			RETURNING app_id
			""";

	static final String REPLAY_DEAD_LETTERS = """
			UPDATE deliveries
			SET status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
			WHERE tenant_id = :tenant AND app_id = :app AND status = 'dead'
			""";

	/** A made-up event for the app's bot, skipped when the app has no bot endpoint. */
	static final String INSERT_TEST_EVENT = """
			INSERT INTO deliveries (tenant_id, app_id, page_id, psid, lane, field, event_type, mid, event_at,
			                        batch_id, received_at, payload, status, last_error)
			SELECT :tenant, app_id, :page, :psid, app_id || ':test', 'messaging', 'test', :mid, now(), 0, now(),
			       :payload, CASE WHEN bot_endpoint IS NULL THEN 'skipped' ELSE 'pending' END,
			       CASE WHEN bot_endpoint IS NULL THEN 'The app has no bot endpoint' END
			FROM apps
			WHERE tenant_id = :tenant AND app_id = :app
			RETURNING id
			""";

	static final String ENDPOINT = """
			SELECT a.bot_endpoint, s.consecutive_failures, s.failing_since, s.circuit_open_until, s.disabled_at,
			       s.disabled_reason, s.last_success_at, s.last_failure_at,
			       (SELECT count(*) FROM deliveries d
			        WHERE d.tenant_id = a.tenant_id AND d.app_id = a.app_id AND d.status = 'pending') AS pending,
			       (SELECT count(*) FROM deliveries d
			        WHERE d.tenant_id = a.tenant_id AND d.app_id = a.app_id AND d.status = 'dead') AS dead
			FROM apps a LEFT JOIN endpoint_states s ON s.app_id = a.app_id
			WHERE a.tenant_id = :tenant AND a.app_id = :app
			""";

	static final String ENABLE_ENDPOINT = """
			UPDATE endpoint_states
			SET disabled_at = NULL, disabled_reason = NULL, circuit_open_until = NULL, consecutive_failures = 0,
			    failing_since = NULL, updated_at = now()
			WHERE tenant_id = :tenant AND app_id = :app
			""";

	private DeliveryRows() {
	}

	static DeliveryView view(Readable row, @Nullable String payload) {
		return new DeliveryView(row.get("id", Long.class), row.get("app_id", String.class),
				row.get("page_id", String.class), row.get("psid", String.class), row.get("field", String.class),
				row.get("event_type", String.class), row.get("mid", String.class), row.get("event_at", Instant.class),
				row.get("received_at", Instant.class), row.get("created_at", Instant.class),
				DeliveryStatus.of(row.get("status", String.class)), row.get("attempts", Integer.class),
				row.get("next_attempt_at", Instant.class), row.get("last_status", Integer.class),
				shown(row.get("last_error", String.class)), row.get("delivered_at", Instant.class), payload, List.of());
	}

	/** The payload as staff may read it, tokens redacted. */
	static String payload(Readable row) {
		ByteBuffer buffer = row.get("payload", ByteBuffer.class);
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return Redaction.of(new String(bytes, StandardCharsets.UTF_8));
	}

	static DeliveryView.Attempt attempt(Readable row) {
		return new DeliveryView.Attempt(row.get("attempt", Integer.class), row.get("at", Instant.class),
				Redaction.url(row.get("endpoint", String.class)), row.get("duration_ms", Integer.class),
				row.get("status", Integer.class), row.get("outcome", String.class),
				shown(row.get("error", String.class)), Redaction.of(row.get("response_body", String.class)));
	}

	static EndpointHealth endpoint(Readable row, Instant now) {
		Integer failures = row.get("consecutive_failures", Integer.class);
		int consecutiveFailures = (failures != null) ? failures : 0;
		Instant openUntil = row.get("circuit_open_until", Instant.class);
		Instant disabledAt = row.get("disabled_at", Instant.class);
		Instant lastSuccess = row.get("last_success_at", Instant.class);
		return new EndpointHealth(Redaction.url(row.get("bot_endpoint", String.class)),
				EndpointState.of(now, disabledAt, openUntil, consecutiveFailures, lastSuccess), consecutiveFailures,
				row.get("failing_since", Instant.class), openUntil, disabledAt,
				shown(row.get("disabled_reason", String.class)), lastSuccess, row.get("last_failure_at", Instant.class),
				row.get("pending", Long.class), row.get("dead", Long.class));
	}

	/** An error as staff may read it: the endpoint URLs it quotes without credentials. */
	static @Nullable String shown(@Nullable String error) {
		return (error != null) ? Redaction.message(error) : null;
	}

}
