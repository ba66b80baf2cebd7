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

	private final DatabaseClient database;

	private final DemoBotSettings settings;

	Receipts(DatabaseClient database, DemoBotSettings settings) {
		this.database = database;
		this.settings = settings;
	}

	Mono<Mode> mode(String appId) {
		return this.database.sql(DemoBotRows.MODE)
			.bind("app", appId)
			.map((row) -> Mode.parse(row.get("mode", String.class)).orElse(Mode.OK))
			.one()
			.defaultIfEmpty(Mode.OK);
	}

	/** Sets the app's mode; answers false when the sandbox has no such app. */
	Mono<Boolean> setMode(String appId, Mode mode) {
		return this.database.sql(DemoBotRows.SET_MODE)
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
		return this.database.sql(DemoBotRows.RECORD)
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
		return this.database.sql(DemoBotRows.LATEST)
			.bind("app", appId)
			.bind("since", time(since))
			.bind("limit", limit)
			.map(DemoBotRows::receipt)
			.all();
	}

	/** The newest {@code limit} requests of each of the apps, newest first. */
	Mono<Map<String, List<Receipt>>> latestOfEach(List<String> appIds, int limit) {
		return this.database.sql(DemoBotRows.LATEST_OF_EACH)
			.bind("apps", appIds.toArray(String[]::new))
			.bind("limit", limit)
			.map((row) -> Map.entry(row.get("app_id", String.class), DemoBotRows.receipt(row)))
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
		return this.database.sql(DemoBotRows.MODES)
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
		return this.database.sql(DemoBotRows.STATS)
			.bind("app", appId)
			.bind("since", time(since))
			.map(DemoBotRows::stats)
			.one();
	}

	/** Forgets what the app received; answers how many requests were forgotten. */
	Mono<Long> clear(String appId) {
		return this.database.sql(DemoBotRows.CLEAR).bind("app", appId).fetch().rowsUpdated();
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
