package io.baton.sandbox.webhooks;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The webhook outbox in PostgreSQL: updates wait here until their app's endpoint answered
 * 200. An app is claimed for one POST at a time with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, so that several replicas never deliver the same app's updates concurrently or
 * out of order, and nothing is lost on restart.
 */
@Component
@ConditionalOnSandbox
class Outbox {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final DatabaseClient database;

	private final SandboxClock clock;

	Outbox(DatabaseClient database, SandboxClock clock) {
		this.database = database;
		this.clock = clock;
	}

	Mono<Void> enqueue(String appId, String pageId, Map<String, Object> entry) {
		OffsetDateTime now = this.clock.now();
		return this.database.sql(WebhookRows.INSERT_APP)
			.bind("app", appId)
			.then()
			.then(this.database.sql(WebhookRows.INSERT_OUTBOX)
				.bind("app", appId)
				.bind("page", pageId)
				.bind("entry", json.writeValueAsString(entry))
				.bind("now", now)
				.then());
	}

	/**
	 * Leases every app whose oldest pending update is due and that no one else is
	 * delivering to, for {@code lease} plus twice the app's injected delay.
	 */
	Flux<ClaimedApp> claim(Duration lease) {
		OffsetDateTime now = this.clock.now();
		return this.database.sql(WebhookRows.CLAIM_APPS)
			.bind("now", now)
			.bind("lease", (double) lease.toSeconds())
			.map(Outbox::claimed)
			.all();
	}

	/** The app's oldest updates, in order. */
	Mono<List<PendingUpdate>> batch(String appId, int size) {
		return this.database.sql(WebhookRows.BATCH)
			.bind("app", appId)
			.bind("size", size)
			.map((row) -> new PendingUpdate(row.get("id", Long.class), row.get("entry", String.class),
					row.get("attempts", Integer.class), row.get("created_at", OffsetDateTime.class)))
			.all()
			.collectList();
	}

	Mono<Void> delivered(String appId, List<PendingUpdate> updates) {
		return this.database.sql(WebhookRows.DELETE_UPDATES)
			.bind("ids", ids(updates))
			.then()
			.then(this.database.sql(WebhookRows.RESET_APP).bind("app", appId).then());
	}

	/** Schedules the next attempt and answers since when the app has been failing. */
	Mono<FailingApp> failed(String appId, List<PendingUpdate> updates, Duration backoff) {
		OffsetDateTime now = this.clock.now();
		return this.database.sql(WebhookRows.RETRY_UPDATES)
			.bind("next", now.plus(backoff))
			.bind("ids", ids(updates))
			.then()
			.then(this.database.sql(WebhookRows.APP_FAILED)
				.bind("now", now)
				.bind("app", appId)
				.map((row) -> new FailingApp(appId, row.get("failing_since", OffsetDateTime.class),
						row.get("alerted_at", OffsetDateTime.class) != null, now))
				.one());
	}

	Mono<Void> markAlerted(String appId) {
		return this.database.sql(WebhookRows.MARK_ALERTED).bind("now", this.clock.now()).bind("app", appId).then();
	}

	/** Updates undelivered for longer than {@code age} are dropped, as Facebook does. */
	Mono<Void> dropOlderThan(String appId, Duration age) {
		return this.database.sql(WebhookRows.DROP_OLDER_THAN)
			.bind("app", appId)
			.bind("limit", this.clock.now().minus(age))
			.then();
	}

	/** Every pending update of the app is dropped (the app was unsubscribed). */
	Mono<Void> dropAll(String appId) {
		return this.database.sql(WebhookRows.DROP_ALL)
			.bind("app", appId)
			.then()
			.then(this.database.sql(WebhookRows.RESET_APP).bind("app", appId).then());
	}

	Mono<Void> release(String appId) {
		return this.database.sql(WebhookRows.RELEASE_APP).bind("app", appId).then();
	}

	private static Long[] ids(List<PendingUpdate> updates) {
		return updates.stream().map(PendingUpdate::id).toArray(Long[]::new);
	}

	private static ClaimedApp claimed(Readable row) {
		return new ClaimedApp(row.get("app_id", String.class), WebhookRows.faults(row));

	}

	/** An app leased for one delivery. */
	record ClaimedApp(String appId, Faults faults) {

	}

	/** An update waiting in the outbox: one {@code entry} item. */
	record PendingUpdate(long id, String entry, int attempts, OffsetDateTime createdAt) {

	}

	/** An app whose last POST failed, and since when it has been failing. */
	record FailingApp(String appId, OffsetDateTime failingSince, boolean alerted, OffsetDateTime now) {

		Duration failingFor() {
			return Duration.between(this.failingSince, this.now);
		}

	}

}
