package io.baton.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Writes down what a POST came to, in the delivery's tenant and one transaction: the
 * attempt in the log; the delivery delivered, due again after the schedule's next wait,
 * or dead when the schedule is spent; and the endpoint's health (a success closes its
 * circuit; failures in a row open it, for longer each time; failing for too long disables
 * the endpoint).
 */
@Component
class Outcomes {

	private final TenantTransactions transactions;

	private final DeliverySettings settings;

	Outcomes(TenantTransactions transactions, DeliverySettings settings) {
		this.transactions = transactions;
		this.settings = settings;
	}

	Mono<Recorded> record(ClaimedDelivery delivery, PostResult result, String worker) {
		return this.transactions.inTenant(delivery.tenant(), (db) -> attempt(db, delivery, result)
			.then(delivery(db, delivery, result, worker))
			.flatMap((status) -> endpoint(db, delivery, result).map((disabled) -> new Recorded(status, disabled))));
	}

	private Mono<Void> attempt(DatabaseClient db, ClaimedDelivery delivery, PostResult result) {
		DatabaseClient.GenericExecuteSpec insert = db
			.sql("INSERT INTO delivery_attempts (tenant_id, delivery_id, app_id, endpoint, attempt, duration_ms,"
					+ " status, outcome, error, response_body)"
					+ " VALUES (:tenant, :delivery, :app, :endpoint, :attempt, :duration, :status, :outcome, :error,"
					+ " :response)")
			.bind("tenant", delivery.tenant().value())
			.bind("delivery", delivery.id())
			.bind("app", delivery.appId())
			.bind("endpoint", delivery.endpoint())
			.bind("attempt", delivery.attempt())
			.bind("duration", result.durationMs())
			.bind("outcome", result.outcome())
			.bind("error", result.error())
			.bind("response", result.responseBody());
		return ((result.status() != null) ? insert.bind("status", result.status())
				: insert.bindNull("status", Integer.class))
			.then();
	}

	/** Answers the delivery's new status. */
	private Mono<String> delivery(DatabaseClient db, ClaimedDelivery delivery, PostResult result, String worker) {
		String status = result.delivered() ? "delivered"
				: (delivery.attempt() >= this.settings.maxAttempts()) ? "dead" : "pending";
		Instant next = "pending".equals(status)
				? Instant.now()
					.plus(this.settings.waitAfter(delivery.attempt(), ThreadLocalRandom.current().nextDouble()))
				: Instant.now();
		DatabaseClient.GenericExecuteSpec update = db
			.sql("UPDATE deliveries SET status = :status,"
					+ " next_attempt_at = :next, leased_until = NULL, leased_by = NULL, last_status = :code,"
					+ " last_error = :error, updated_at = now(),"
					+ " delivered_at = CASE WHEN :status = 'delivered' THEN now() ELSE delivered_at END"
					+ " WHERE id = :id AND leased_by = :worker")
			.bind("status", status)
			.bind("next", next)
			.bind("error", result.error())
			.bind("id", delivery.id())
			.bind("worker", worker);
		return ((result.status() != null) ? update.bind("code", result.status())
				: update.bindNull("code", Integer.class))
			.fetch()
			.rowsUpdated()
			.thenReturn(status);
	}

	/** Answers whether this failure disabled the endpoint. */
	private Mono<Boolean> endpoint(DatabaseClient db, ClaimedDelivery delivery, PostResult result) {
		if (result.delivered()) {
			return db
				.sql("INSERT INTO endpoint_states (app_id, tenant_id, last_success_at) VALUES (:app, :tenant, now())"
						+ " ON CONFLICT (app_id) DO UPDATE SET consecutive_failures = 0, failing_since = NULL,"
						+ " circuit_open_until = NULL, last_success_at = now(), updated_at = now()")
				.bind("app", delivery.appId())
				.bind("tenant", delivery.tenant().value())
				.then()
				.thenReturn(false);
		}
		return db
			.sql("INSERT INTO endpoint_states AS s (app_id, tenant_id, consecutive_failures, failing_since,"
					+ " last_failure_at) VALUES (:app, :tenant, 1, now(), now())"
					+ " ON CONFLICT (app_id) DO UPDATE SET consecutive_failures = s.consecutive_failures + 1,"
					+ " failing_since = COALESCE(s.failing_since, now()), last_failure_at = now(), updated_at = now(),"
					+ " circuit_open_until = CASE WHEN s.consecutive_failures + 1 >= :threshold"
					+ "   THEN now() + LEAST(:cooldown * power(2, s.consecutive_failures + 1 - :threshold), :max)"
					+ "        * interval '1 millisecond'" + "   ELSE s.circuit_open_until END,"
					+ " disabled_at = CASE WHEN s.disabled_at IS NULL AND s.failing_since < now() - :disableAfter"
					+ "   * interval '1 millisecond' THEN now() ELSE s.disabled_at END,"
					+ " disabled_reason = CASE WHEN s.disabled_at IS NULL AND s.failing_since < now() - :disableAfter"
					+ "   * interval '1 millisecond' THEN :reason ELSE s.disabled_reason END"
					+ " RETURNING (disabled_at IS NOT NULL AND disabled_at >= now()) AS disabled_now")
			.bind("app", delivery.appId())
			.bind("tenant", delivery.tenant().value())
			.bind("threshold", this.settings.circuitThreshold())
			.bind("cooldown", (double) this.settings.circuitCooldown().toMillis())
			.bind("max", (double) this.settings.circuitMaxCooldown().toMillis())
			.bind("disableAfter", (double) this.settings.disableAfter().toMillis())
			.bind("reason", "Failing without a success for more than " + readable(this.settings.disableAfter()))
			.map((row) -> Boolean.TRUE.equals(row.get("disabled_now", Boolean.class)))
			.one();
	}

	static String readable(Duration duration) {
		return (duration.toHours() >= 1) ? duration.toHours() + " h"
				: (duration.toMinutes() >= 1) ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
	}

	/**
	 * The delivery's status after the attempt, and whether the endpoint was just
	 * disabled.
	 */
	record Recorded(String status, boolean endpointDisabled) {
	}

}
