package io.baton.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.Redaction;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The delivery log and what staff (or a bot's automation, through an API key) do with it:
 * search, read one delivery with every attempt, replay one delivery or an endpoint's dead
 * letters, send a test event, see and re-enable an endpoint. Every change is audited.
 */
@Service
public class DeliveryLog {

	private static final String COLUMNS = "id, app_id, page_id, psid, field, event_type, mid, event_at, received_at,"
			+ " created_at, status, attempts, next_attempt_at, last_status, last_error, delivered_at";

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	private final DeliveryWorkers workers;

	DeliveryLog(TenantTransactions transactions, AuditLog auditLog, DeliveryWorkers workers) {
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.workers = workers;
	}

	/** One page of deliveries matching the query, newest first. */
	public Flux<DeliveryView> search(TenantId tenant, DeliveryQuery query) {
		return this.transactions.inTenantMany(tenant, (db) -> {
			StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM deliveries WHERE tenant_id = :tenant");
			if (query.appId() != null) {
				sql.append(" AND app_id = :app");
			}
			if (query.pageId() != null) {
				sql.append(" AND page_id = :page");
			}
			if (query.psid() != null) {
				sql.append(" AND psid = :psid");
			}
			if (query.mid() != null) {
				sql.append(" AND mid = :mid");
			}
			if (query.status() != null) {
				sql.append(" AND status = :status");
			}
			if (query.from() != null) {
				sql.append(" AND created_at >= :from");
			}
			if (query.until() != null) {
				sql.append(" AND created_at < :until");
			}
			if (query.before() != null) {
				sql.append(" AND id < :before");
			}
			sql.append(" ORDER BY id DESC LIMIT :limit");
			DatabaseClient.GenericExecuteSpec select = db.sql(sql.toString())
				.bind("tenant", tenant.value())
				.bind("limit", query.limit());
			select = bindIfPresent(select, "app", query.appId());
			select = bindIfPresent(select, "page", query.pageId());
			select = bindIfPresent(select, "psid", query.psid());
			select = bindIfPresent(select, "mid", query.mid());
			select = bindIfPresent(select, "status", query.status());
			select = bindIfPresent(select, "from", query.from());
			select = bindIfPresent(select, "until", query.until());
			select = bindIfPresent(select, "before", query.before());
			return select.map((row) -> view(row, null, List.of())).all();
		});
	}

	/** One delivery with its payload (tokens redacted) and every attempt. */
	public Mono<DeliveryView> find(TenantId tenant, long id) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql("SELECT " + COLUMNS + ", payload FROM deliveries WHERE tenant_id = :tenant AND id = :id")
					.bind("tenant", tenant.value())
					.bind("id", id)
					.map((row) -> view(row, payloadOf(row), List.of()))
					.one()
					.switchIfEmpty(Mono.error(() -> new NotFound("No such delivery.")))
					.flatMap((found) -> attempts(db, tenant, id).collectList()
						.map((attempts) -> withAttempts(found, attempts))));
	}

	/**
	 * Sends the delivery again, at once: a dead letter or a delivered one alike. It keeps
	 * its id, so a bot that drops ids it has handled drops a replay of a delivered one
	 * too.
	 */
	public Mono<DeliveryView> replay(CurrentTenant current, long id) {
		current.require(current.role().operates(), "replay deliveries");
		return replay(current.id(), null, id,
				this.auditLog.record(current, "delivery.replayed", Long.toString(id), Map.of()));
	}

	/** The same, for a bot's automation acting with its app's API key. */
	public Mono<DeliveryView> replay(TenantId tenant, AppId app, String actorName, long id) {
		return replay(tenant, app, id,
				this.auditLog.recordAs(tenant, actorName, "delivery.replayed", Long.toString(id), Map.of()));
	}

	private Mono<DeliveryView> replay(TenantId tenant, @Nullable AppId onlyApp, long id, Mono<Void> audit) {
		return this.transactions
			.inTenant(tenant,
					(db) -> db
						.sql("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(),"
								+ " leased_until = NULL, leased_by = NULL, updated_at = now()"
								+ " WHERE tenant_id = :tenant AND id = :id AND (:app = '' OR app_id = :app)"
								+ " AND (status <> 'pending' OR leased_until IS NULL OR leased_until < now())"
								+ " RETURNING app_id")
						.bind("tenant", tenant.value())
						.bind("id", id)
						.bind("app", (onlyApp != null) ? onlyApp.value() : "")
						.map((row) -> row.get("app_id", String.class))
						.one()
						.switchIfEmpty(
								Mono.error(() -> new NotFound("No such delivery, or it is being sent right now.")))
						.flatMap((app) -> audit))
			.doOnSuccess((done) -> this.workers.wakeUp())
			.then(find(tenant, id));
	}

	/**
	 * Every dead letter of the app's endpoint goes out again, in its conversation's
	 * order.
	 */
	public Mono<Long> replayDeadLetters(CurrentTenant current, AppId app) {
		current.require(current.role().operates(), "replay deliveries");
		return replayDeadLetters(current.id(), app, (count) -> this.auditLog.record(current,
				"delivery.dead_letters_replayed", app.value(), Map.of("count", count)));
	}

	/** The same, for a bot's automation acting with its app's API key. */
	public Mono<Long> replayDeadLetters(TenantId tenant, AppId app, String actorName) {
		return replayDeadLetters(tenant, app, (count) -> this.auditLog.recordAs(tenant, actorName,
				"delivery.dead_letters_replayed", app.value(), Map.of("count", count)));
	}

	private Mono<Long> replayDeadLetters(TenantId tenant, AppId app,
			java.util.function.Function<Long, Mono<Void>> audit) {
		return this.transactions
			.inTenant(tenant,
					(db) -> db
						.sql("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(),"
								+ " updated_at = now() WHERE tenant_id = :tenant AND app_id = :app AND status = 'dead'")
						.bind("tenant", tenant.value())
						.bind("app", app.value())
						.fetch()
						.rowsUpdated()
						.flatMap((count) -> audit.apply(count).thenReturn(count)))
			.doOnSuccess((count) -> this.workers.wakeUp());
	}

	/**
	 * Queues a made-up message from a test person to the app's bot, through the same path
	 * as a real one; answers its delivery id.
	 */
	public Mono<Long> sendTestEvent(CurrentTenant current, AppId app) {
		current.require(current.role().operates(), "send test events");
		long now = System.currentTimeMillis();
		String pageId = "0";
		String psid = "test-person";
		String mid = "m_baton_test_" + UUID.randomUUID();
		String payload = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + now
				+ ",\"messaging\":[{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + pageId
				+ "\"},\"timestamp\":" + now + ",\"message\":{\"mid\":\"" + mid
				+ "\",\"text\":\"Test event from Baton\"}}]}]}";
		return this.transactions.inTenant(current.id(), (db) -> db
			.sql("INSERT INTO deliveries (tenant_id, app_id, page_id, psid, lane, field, event_type, mid, event_at,"
					+ " batch_id, received_at, payload, status, last_error)"
					+ " SELECT :tenant, app_id, :page, :psid, app_id || ':test', 'messaging', 'test', :mid, now(), 0,"
					+ " now(), :payload, CASE WHEN bot_endpoint IS NULL THEN 'skipped' ELSE 'pending' END,"
					+ " CASE WHEN bot_endpoint IS NULL THEN 'The app has no bot endpoint' END"
					+ " FROM apps WHERE tenant_id = :tenant AND app_id = :app RETURNING id")
			.bind("tenant", current.id().value())
			.bind("app", app.value())
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("mid", mid)
			.bind("payload", ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)))
			.map((row) -> row.get("id", Long.class))
			.one()
			.switchIfEmpty(Mono.error(() -> new NotFound("No such app.")))
			.flatMap((id) -> this.auditLog.record(current, "delivery.test_event_sent", app.value(), Map.of("id", id))
				.thenReturn(id)))
			.doOnSuccess((id) -> this.workers.wakeUp());
	}

	/** The app's endpoint: its circuit, whether it is disabled, what waits for it. */
	public Mono<EndpointHealth> endpointHealth(TenantId tenant, AppId app) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql("SELECT a.bot_endpoint, s.consecutive_failures, s.failing_since, s.circuit_open_until,"
						+ " s.disabled_at, s.disabled_reason, s.last_success_at, s.last_failure_at,"
						+ " (SELECT count(*) FROM deliveries d WHERE d.tenant_id = a.tenant_id AND d.app_id = a.app_id"
						+ "   AND d.status = 'pending') AS pending,"
						+ " (SELECT count(*) FROM deliveries d WHERE d.tenant_id = a.tenant_id AND d.app_id = a.app_id"
						+ "   AND d.status = 'dead') AS dead"
						+ " FROM apps a LEFT JOIN endpoint_states s ON s.app_id = a.app_id"
						+ " WHERE a.tenant_id = :tenant AND a.app_id = :app")
					.bind("tenant", tenant.value())
					.bind("app", app.value())
					.map((row) -> {
						Integer failures = row.get("consecutive_failures", Integer.class);
						Instant openUntil = row.get("circuit_open_until", Instant.class);
						Instant disabledAt = row.get("disabled_at", Instant.class);
						Instant lastSuccess = row.get("last_success_at", Instant.class);
						String state = (disabledAt != null) ? "disabled"
								: (openUntil != null && openUntil.isAfter(Instant.now())) ? "circuit_open"
										: (failures != null && failures > 0) ? "failing"
												: (lastSuccess != null) ? "healthy" : "unused";
						return new EndpointHealth(row.get("bot_endpoint", String.class), state,
								(failures != null) ? failures : 0, row.get("failing_since", Instant.class), openUntil,
								disabledAt, row.get("disabled_reason", String.class), lastSuccess,
								row.get("last_failure_at", Instant.class), row.get("pending", Long.class),
								row.get("dead", Long.class));
					})
					.one()
					.switchIfEmpty(Mono.error(() -> new NotFound("No such app."))));
	}

	/**
	 * Turns a disabled endpoint back on, its circuit closed; what waits goes out at once.
	 */
	public Mono<Void> enableEndpoint(CurrentTenant current, AppId app) {
		current.require(current.role().managesMembers(), "enable bot endpoints");
		return this.transactions
			.inTenant(current.id(), (db) -> db
				.sql("UPDATE endpoint_states SET disabled_at = NULL, disabled_reason = NULL, circuit_open_until = NULL,"
						+ " consecutive_failures = 0, failing_since = NULL, updated_at = now()"
						+ " WHERE tenant_id = :tenant AND app_id = :app")
				.bind("tenant", current.id().value())
				.bind("app", app.value())
				.fetch()
				.rowsUpdated()
				.flatMap((count) -> (count == 0) ? Mono.error(new Rejected("The endpoint is not disabled."))
						: this.auditLog.record(current, "delivery.endpoint_enabled", app.value(), Map.of())))
			.doOnSuccess((done) -> this.workers.wakeUp());
	}

	private Flux<DeliveryView.Attempt> attempts(DatabaseClient db, TenantId tenant, long id) {
		return db
			.sql("SELECT attempt, at, endpoint, duration_ms, status, outcome, error, response_body"
					+ " FROM delivery_attempts WHERE tenant_id = :tenant AND delivery_id = :id ORDER BY at, attempt")
			.bind("tenant", tenant.value())
			.bind("id", id)
			.map((row) -> new DeliveryView.Attempt(row.get("attempt", Integer.class), row.get("at", Instant.class),
					row.get("endpoint", String.class), row.get("duration_ms", Integer.class),
					row.get("status", Integer.class), row.get("outcome", String.class), row.get("error", String.class),
					Redaction.of(row.get("response_body", String.class))))
			.all();
	}

	private static DeliveryView view(Readable row, String payload, List<DeliveryView.Attempt> attempts) {
		return new DeliveryView(row.get("id", Long.class), row.get("app_id", String.class),
				row.get("page_id", String.class), row.get("psid", String.class), row.get("field", String.class),
				row.get("event_type", String.class), row.get("mid", String.class), row.get("event_at", Instant.class),
				row.get("received_at", Instant.class), row.get("created_at", Instant.class),
				row.get("status", String.class), row.get("attempts", Integer.class),
				row.get("next_attempt_at", Instant.class), row.get("last_status", Integer.class),
				row.get("last_error", String.class), row.get("delivered_at", Instant.class), payload, attempts);
	}

	private static DeliveryView withAttempts(DeliveryView view, List<DeliveryView.Attempt> attempts) {
		return new DeliveryView(view.id(), view.appId(), view.pageId(), view.psid(), view.field(), view.eventType(),
				view.mid(), view.eventAt(), view.receivedAt(), view.queuedAt(), view.status(), view.attemptCount(),
				view.nextAttemptAt(), view.lastStatus(), view.lastError(), view.deliveredAt(), view.payload(),
				attempts);
	}

	private static String payloadOf(Readable row) {
		ByteBuffer buffer = row.get("payload", ByteBuffer.class);
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return Redaction.of(new String(bytes, StandardCharsets.UTF_8));
	}

	private static DatabaseClient.GenericExecuteSpec bindIfPresent(DatabaseClient.GenericExecuteSpec spec, String name,
			Object value) {
		return (value != null) ? spec.bind(name, value) : spec;
	}

}
