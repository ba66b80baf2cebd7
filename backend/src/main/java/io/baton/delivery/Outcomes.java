package io.baton.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Writes down what the POSTs of one claim came to, one transaction per tenant: each
 * attempt in the log; each delivery delivered, due again after the schedule's next wait,
 * or dead when the schedule is spent; and each endpoint's health (a success closes its
 * circuit; failures in a row open it, for longer each time; failing for too long disables
 * the endpoint).
 */
@Component
class Outcomes {

	private static final Logger logger = LoggerFactory.getLogger(Outcomes.class);

	private final TenantTransactions transactions;

	private final DeliverySettings settings;

	private final Clock clock;

	Outcomes(TenantTransactions transactions, DeliverySettings settings, Clock clock) {
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/** Answers each delivery's new status, in the order given. */
	Mono<List<Recorded>> record(List<Posted> posted, String worker) {
		Map<TenantId, List<Posted>> byTenant = new LinkedHashMap<>();
		posted.forEach(
				(one) -> byTenant.computeIfAbsent(one.delivery().tenant(), (tenant) -> new ArrayList<>()).add(one));
		return Flux.fromIterable(byTenant.entrySet())
			.concatMap((tenant) -> this.transactions
				.inTenant(tenant.getKey(), (db) -> record(db, tenant.getKey(), tenant.getValue(), worker))
				.onErrorResume((ex) -> {
					// Only this tenant's outcomes wait for their leases to run out; the
					// others' are kept.
					logger.warn("Outcomes of {} deliveries of tenant {} not recorded", tenant.getValue().size(),
							tenant.getKey(), ex);
					return Mono.empty();
				}))
			.collectList()
			.map((recorded) -> recorded.stream().flatMap(List::stream).toList());
	}

	private Mono<List<Recorded>> record(DatabaseClient db, TenantId tenant, List<Posted> posted, String worker) {
		List<Object[]> attempts = new ArrayList<>();
		List<Object[]> deliveries = new ArrayList<>();
		List<DeliveryStatus> statuses = new ArrayList<>();
		Instant now = this.clock.instant();
		for (Posted one : posted) {
			ClaimedDelivery delivery = one.delivery();
			PostResult result = one.result();
			attempts.add(new Object[] { tenant.value(), delivery.id(), delivery.app().value(),
					(delivery.endpoint() != null) ? delivery.endpoint() : "", delivery.attempt(), result.durationMs(),
					result.status(), result.outcome().key(), result.error(), result.responseBody() });
			DeliveryStatus status = result.skips() ? DeliveryStatus.SKIPPED
					: DeliveryStatus.afterAttempt(result.delivered(), delivery.attempt(), this.settings.maxAttempts());
			Instant next = (status == DeliveryStatus.PENDING)
					? now.plus(this.settings.waitAfter(delivery.attempt(), ThreadLocalRandom.current().nextDouble()))
					: now;
			deliveries
				.add(new Object[] { delivery.id(), status.value(), next, result.status(), result.error(), worker });
			statuses.add(status);
		}
		return WorkRows.ATTEMPTS.run(db, attempts)
			.then(WorkRows.DELIVERIES.run(db, deliveries))
			.thenMany(Flux.fromIterable(byApp(posted).entrySet())
				.concatMap((app) -> endpoint(db, tenant, app.getKey(), app.getValue())
					.map((disabled) -> Map.entry(app.getKey(), disabled))))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map((disabledByApp) -> {
				List<Recorded> recorded = new ArrayList<>(posted.size());
				for (int i = 0; i < posted.size(); i++) {
					recorded.add(new Recorded(posted.get(i), statuses.get(i),
							disabledByApp.getOrDefault(posted.get(i).delivery().app(), false)));
				}
				return recorded;
			});
	}

	/** Sorted by app, so that concurrent workers lock endpoints in the same order. */
	private static Map<AppId, List<PostResult>> byApp(List<Posted> posted) {
		Map<AppId, List<PostResult>> byApp = new TreeMap<>(Comparator.comparing(AppId::value));
		posted.stream()
			.filter((one) -> one.result().attempted())
			.forEach(
					(one) -> byApp.computeIfAbsent(one.delivery().app(), (app) -> new ArrayList<>()).add(one.result()));
		return byApp;
	}

	/**
	 * The endpoint after this claim's answers, in order: a success resets it, the
	 * failures after the last success count on. Answers whether they disabled it just
	 * now.
	 */
	private Mono<Boolean> endpoint(DatabaseClient db, TenantId tenant, AppId app, List<PostResult> results) {
		int lastSuccess = -1;
		for (int i = 0; i < results.size(); i++) {
			if (results.get(i).delivered()) {
				lastSuccess = i;
			}
		}
		int failuresAfter = results.size() - 1 - lastSuccess;
		// A healthy endpoint's row is written at most once a second, so that the workers
		// delivering to it do not queue for its lock.
		Mono<Void> success = (lastSuccess < 0) ? Mono.empty()
				: db.sql(WorkRows.ENDPOINT_SUCCESS).bind("app", app.value()).bind("tenant", tenant.value()).then();
		return success.then((failuresAfter == 0) ? Mono.just(false) : failures(db, tenant, app, failuresAfter));
	}

	private Mono<Boolean> failures(DatabaseClient db, TenantId tenant, AppId app, int count) {
		return db.sql(WorkRows.ENDPOINT_FAILURES)
			.bind("app", app.value())
			.bind("tenant", tenant.value())
			.bind("count", count)
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

	/** A delivery and what its POST came to. */
	record Posted(ClaimedDelivery delivery, PostResult result) {
	}

	/**
	 * What was written down for one POST: the delivery's status after it, and whether its
	 * endpoint was just disabled.
	 */
	record Recorded(Posted posted, DeliveryStatus status, boolean endpointDisabled) {
	}

}
