package io.baton.sandbox.demobot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The demo bot's memory: each app's mode and the newest requests it received
 * ({@code sandbox.demo_bots}, {@code sandbox.demo_bot_receipts}).
 */
@Component
@ConditionalOnSandbox
class Receipts {

	/**
	 * The latest time, in ms since the epoch, the demo bot stores or compares:
	 * 9999-12-31.
	 */
	static final long LATEST_MS = 253402300799999L;

	private static final String COLUMNS = "seq, outcome, signature_valid, delivery_id, attempt, page_id, psid, kind,"
			+ " event_type, mid, text, event_at, received_at, latency_ms, body";

	private final DatabaseClient database;

	private final DemoBotSettings settings;

	Receipts(DatabaseClient database, DemoBotSettings settings) {
		this.database = database;
		this.settings = settings;
	}

	Mono<Mode> mode(String appId) {
		return this.database.sql("SELECT mode FROM sandbox.demo_bots WHERE app_id = :app")
			.bind("app", appId)
			.map((row) -> Mode.parse(row.get("mode", String.class)).orElse(Mode.OK))
			.one()
			.defaultIfEmpty(Mode.OK);
	}

	/** Sets the app's mode; answers false when the sandbox has no such app. */
	Mono<Boolean> setMode(String appId, Mode mode) {
		return this.database
			.sql("INSERT INTO sandbox.demo_bots (app_id, mode) SELECT id, :mode FROM sandbox.apps WHERE id = :app"
					+ " ON CONFLICT (app_id) DO UPDATE SET mode = excluded.mode")
			.bind("app", appId)
			.bind("mode", mode.value())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Stores the request and, at every {@link DemoBotSettings#pruneEvery()}-th one,
	 * deletes what falls out of the app's newest {@link DemoBotSettings#keep()}, in one
	 * statement. No row is shared between requests, so concurrent ones do not queue for a
	 * lock.
	 */
	Mono<Void> record(String appId, Arrival arrival) {
		DeliveredEvent event = arrival.event();
		return this.database.sql("""
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
				              ORDER BY kept.seq DESC OFFSET :keep - 1 LIMIT 1)""")
			.bind("app", appId)
			.bind("outcome", arrival.outcome().value())
			.bind("signatureValid", arrival.signatureValid())
			.bind("deliveryId", text(arrival.deliveryId()))
			.bind("attempt", Parameters.in(R2dbcType.INTEGER, arrival.attempt()))
			.bind("pageId", text((event != null) ? event.pageId() : null))
			.bind("psid", text((event != null) ? event.psid() : null))
			.bind("kind", text((event != null) ? event.kind() : null))
			.bind("eventType", text((event != null) ? event.type() : null))
			.bind("mid", text((event != null) ? event.mid() : null))
			.bind("text", text((event != null) ? event.text() : null))
			.bind("eventAt", time((event != null) ? event.timestamp() : null))
			.bind("receivedAt", time(arrival.receivedAt()))
			.bind("body", text(arrival.body()))
			.bind("keep", this.settings.keep())
			.bind("pruneEvery", this.settings.pruneEvery())
			.then();
	}

	/** The app's requests received since {@code since}, newest first. */
	Flux<Receipt> latest(String appId, Instant since, int limit) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM sandbox.demo_bot_receipts"
					+ " WHERE app_id = :app AND received_at >= :since ORDER BY seq DESC LIMIT :limit")
			.bind("app", appId)
			.bind("since", time(since))
			.bind("limit", limit)
			.map(Receipts::receipt)
			.all();
	}

	/** The newest {@code limit} requests of each of the apps, newest first. */
	Mono<Map<String, List<Receipt>>> latestOfEach(List<String> appIds, int limit) {
		return this.database
			.sql("SELECT app_id, " + COLUMNS + " FROM unnest(CAST(:apps AS text[])) AS apps (id)"
					+ " CROSS JOIN LATERAL (SELECT * FROM sandbox.demo_bot_receipts r WHERE r.app_id = apps.id"
					+ " ORDER BY seq DESC LIMIT :limit) latest ORDER BY app_id, seq DESC")
			.bind("apps", appIds.toArray(String[]::new))
			.bind("limit", limit)
			.map((row) -> Map.entry(row.get("app_id", String.class), receipt(row)))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
			.map((byApp) -> {
				Map<String, List<Receipt>> lists = new LinkedHashMap<>();
				byApp.forEach((app, receipts) -> lists.put(app, List.copyOf(receipts)));
				return lists;
			});
	}

	/** Each app's mode, {@code ok} for those never set. */
	Mono<Map<String, Mode>> modes() {
		return this.database.sql("SELECT app_id, mode FROM sandbox.demo_bots")
			.map((row) -> Map.entry(row.get("app_id", String.class),
					Mode.parse(row.get("mode", String.class)).orElse(Mode.OK)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Figures over the app's accepted requests since {@code since}: how many, how many
	 * distinct delivery ids, and percentiles of the latency in ms; also how many failed
	 * and were refused.
	 */
	Mono<Map<String, Object>> stats(String appId, Instant since) {
		return this.database
			.sql("""
					SELECT count(*) FILTER (WHERE outcome = 'accepted') AS accepted,
					       count(DISTINCT delivery_id) FILTER (WHERE outcome = 'accepted') AS deliveries,
					       count(*) FILTER (WHERE outcome = 'failed') AS failed,
					       count(*) FILTER (WHERE outcome = 'refused') AS refused,
					       percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'accepted') AS p50,
					       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'accepted') AS p95,
					       percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'accepted') AS p99,
					       max(latency_ms) FILTER (WHERE outcome = 'accepted') AS max
					FROM sandbox.demo_bot_receipts
					WHERE app_id = :app AND received_at >= :since""")
			.bind("app", appId)
			.bind("since", time(since))
			.map(Receipts::stats)
			.one();
	}

	/** Forgets what the app received; answers how many requests were forgotten. */
	Mono<Long> clear(String appId) {
		return this.database.sql("DELETE FROM sandbox.demo_bot_receipts WHERE app_id = :app")
			.bind("app", appId)
			.fetch()
			.rowsUpdated();
	}

	private static Map<String, Object> stats(Readable row) {
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

	private static Receipt receipt(Readable row) {
		OffsetDateTime eventAt = row.get("event_at", OffsetDateTime.class);
		return new Receipt(row.get("seq", Long.class), row.get("outcome", String.class),
				Boolean.TRUE.equals(row.get("signature_valid", Boolean.class)), row.get("delivery_id", String.class),
				row.get("attempt", Integer.class), row.get("page_id", String.class), row.get("psid", String.class),
				row.get("kind", String.class), row.get("event_type", String.class), row.get("mid", String.class),
				row.get("text", String.class), (eventAt != null) ? eventAt.toInstant() : null,
				row.get("received_at", OffsetDateTime.class).toInstant(), row.get("latency_ms", Long.class),
				row.get("body", String.class));
	}

	/** PostgreSQL's text cannot hold NUL, which a JSON string or a header may. */
	private static Parameter text(@Nullable String value) {
		return Parameters.in(R2dbcType.VARCHAR, (value != null) ? value.replace('\u0000', '\uFFFD') : null);
	}

	private static Parameter time(@Nullable Instant instant) {
		return Parameters.in(R2dbcType.TIMESTAMP_WITH_TIME_ZONE,
				(instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null);
	}

}
