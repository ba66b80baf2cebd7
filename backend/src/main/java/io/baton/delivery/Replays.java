package io.baton.delivery;

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.Budgets;
import io.baton.platform.NotFound;
import io.baton.platform.TooMany;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/**
 * Sending deliveries again at once, by staff or by a bot's automation with its app's API
 * key: one delivery, or every dead letter of an app's endpoint. Each replay is audited.
 */
@Service
public class Replays {

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	private final DeliveryWorkers workers;

	private final DeliveryLog log;

	private final Budgets perTenant;

	Replays(TenantTransactions transactions, AuditLog auditLog, DeliveryWorkers workers, DeliveryLog log,
			DeliverySettings settings) {
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.workers = workers;
		this.log = log;
		this.perTenant = new Budgets(settings.replaysPerMinute(), 100_000);
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
		return withinQuota(
				tenant)
			.then(this.transactions
				.inTenant(tenant,
						(db) -> db.sql(DeliveryRows.REPLAY)
							.bind("tenant", tenant.value())
							.bind("id", id)
							.bind("app", (onlyApp != null) ? onlyApp.value() : "")
							.map((row) -> row.get("app_id", String.class))
							.one()
							.switchIfEmpty(
									Mono.error(() -> new NotFound("No such delivery, or it is being sent right now.")))
							.flatMap((app) -> audit))
				.doOnSuccess((done) -> this.workers.wakeUp())
				.then(this.log.find(tenant, id)));
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

	private Mono<Long> replayDeadLetters(TenantId tenant, AppId app, Function<Long, Mono<Void>> audit) {
		return withinQuota(tenant).then(this.transactions
			.inTenant(tenant,
					(db) -> db.sql(DeliveryRows.REPLAY_DEAD_LETTERS)
						.bind("tenant", tenant.value())
						.bind("app", app.value())
						.fetch()
						.rowsUpdated()
						.flatMap((count) -> audit.apply(count).thenReturn(count)))
			.doOnSuccess((count) -> this.workers.wakeUp()));
	}

	/**
	 * Replays cost every tenant's bots and workers, so each tenant has a budget of them.
	 */
	private Mono<Void> withinQuota(TenantId tenant) {
		return Mono.defer(() -> this.perTenant.take(tenant.toString()) ? Mono.empty()
				: Mono.error(new TooMany("Replays are limited to " + this.perTenant.perMinute()
						+ " a minute per tenant; try again in a minute.")));
	}

}
