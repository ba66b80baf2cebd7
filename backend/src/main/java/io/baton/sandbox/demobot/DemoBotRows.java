package io.baton.sandbox.demobot;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the demo bot's memory ({@code sandbox.demo_bots},
 * {@code sandbox.demo_bot_receipts}) and the mapping of its rows.
 */
final class DemoBotRows {

	private static final String RECEIPT_COLUMNS = """
			seq, outcome, signature_valid, delivery_id, attempt, page_id, psid, kind, \
			event_type, mid, text, event_at, received_at, latency_ms, body""";

	static final String MODE = """
			SELECT mode FROM sandbox.demo_bots WHERE app_id = :app
			""";

	/** Sets the app's mode, only if the app exists. */
	static final String SET_MODE = """
			INSERT INTO sandbox.demo_bots (app_id, mode) SELECT id, :mode FROM sandbox.apps WHERE id = :app
			ON CONFLICT (app_id) DO UPDATE SET mode = excluded.mode
			""";

	/**
	 * Stores a request and, at every {@code :pruneEvery}-th, deletes what falls out of
	 * the app's newest {@code :keep}.
	 */
	static final String RECORD = """
			WITH recorded AS (
			    INSERT INTO sandbox.demo_bot_receipts (app_id, outcome, signature_valid, delivery_id,
			        attempt, page_id, psid, kind, event_type, mid, text, event_at, received_at, body)
			    VALUES (:app, :outcome, :signatureValid, :deliveryId,
			        :attempt, :pageId, :psid, :kind, :eventType, :mid, :text, :eventAt, :receivedAt, :body)
			    RETURNING seq
			)
			DELETE FROM sandbox.demo_bot_receipts
			WHERE app_id = :app AND (SELECT seq FROM recorded) % :pruneEvery = 0
			  AND seq <= (SELECT kept.seq FROM sandbox.demo_bot_receipts kept WHERE kept.app_id = :app
			              ORDER BY kept.seq DESC OFFSET :keep - 1 LIMIT 1)""";

	static final String LATEST = "SELECT " + RECEIPT_COLUMNS + """

			FROM sandbox.demo_bot_receipts
			WHERE app_id = :app AND received_at >= :since ORDER BY seq DESC LIMIT :limit
			""";

	/** The newest {@code :limit} receipts of each of {@code :apps}. */
	static final String LATEST_OF_EACH = "SELECT app_id, " + RECEIPT_COLUMNS + """

			FROM unnest(CAST(:apps AS text[])) AS apps (id)
			CROSS JOIN LATERAL (SELECT * FROM sandbox.demo_bot_receipts r WHERE r.app_id = apps.id
			ORDER BY seq DESC LIMIT :limit) latest ORDER BY app_id, seq DESC
			""";

	static final String MODES = """
			SELECT app_id, mode FROM sandbox.demo_bots
			""";

	static final String STATS = """
			SELECT count(*) FILTER (WHERE outcome = 'accepted') AS accepted,
			       count(DISTINCT delivery_id) FILTER (WHERE outcome = 'accepted') AS deliveries,
			       count(*) FILTER (WHERE outcome = 'failed') AS failed,
			       count(*) FILTER (WHERE outcome = 'refused') AS refused,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'accepted') AS p50,
			       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'accepted') AS p95,
			       percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'accepted') AS p99,
			       max(latency_ms) FILTER (WHERE outcome = 'accepted') AS max
			FROM sandbox.demo_bot_receipts
			WHERE app_id = :app AND received_at >= :since""";

	static final String CLEAR = """
			DELETE FROM sandbox.demo_bot_receipts WHERE app_id = :app
			""";

	private DemoBotRows() {
	}

	static Receipt receipt(Readable row) {
		OffsetDateTime eventAt = row.get("event_at", OffsetDateTime.class);
		return new Receipt(row.get("seq", Long.class), row.get("outcome", String.class),
				Boolean.TRUE.equals(row.get("signature_valid", Boolean.class)), row.get("delivery_id", String.class),
				row.get("attempt", Integer.class), row.get("page_id", String.class), row.get("psid", String.class),
				row.get("kind", String.class), row.get("event_type", String.class), row.get("mid", String.class),
				row.get("text", String.class), (eventAt != null) ? eventAt.toInstant() : null,
				row.get("received_at", OffsetDateTime.class).toInstant(), row.get("latency_ms", Long.class),
				row.get("body", String.class));
	}

	/** The figures of a {@link #STATS} row, as the demo bot's API shows them. */
	static Map<String, Object> stats(Readable row) {
		Map<String, @Nullable Object> latency = new LinkedHashMap<>();
		latency.put("p50", row.get("p50", Double.class));
		latency.put("p95", row.get("p95", Double.class));
		latency.put("p99", row.get("p99", Double.class));
		latency.put("max", row.get("max", Long.class));
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("count", row.get("accepted", Long.class));
		stats.put("distinct_delivery_ids", row.get("deliveries", Long.class));
		stats.put("failed", row.get("failed", Long.class));
		stats.put("refused", row.get("refused", Long.class));
		stats.put("latency_ms", latency);
		return stats;
	}

}
