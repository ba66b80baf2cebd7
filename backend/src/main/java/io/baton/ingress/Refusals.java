package io.baton.ingress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.Repeating;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refused requests of known apps, counted in memory per app, reason and minute and
 * written every {@code refusals-write-every} as one row per app, reason and minute
 * ({@code webhook_refusals}), so a stream of junk costs no commit per request. Counts not
 * yet written when the process dies are lost: they are figures, nothing was acknowledged.
 */
@Component
class Refusals {

	private final TenantTransactions transactions;

	private final IngressSettings settings;

	private final IngressMeters meters;

	private final Clock clock;

	private final Map<Counted, Long> counts = new ConcurrentHashMap<>();

	private Disposable schedule = () -> {
	};

	Refusals(TenantTransactions transactions, IngressSettings settings, IngressMeters meters, Clock clock) {
		this.transactions = transactions;
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		this.schedule = Repeating.every(this.settings.refusalsWriteEvery(), "Writing webhook refusals", this::write);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSchedule() {
		this.schedule.dispose();
	}

	void count(TenantId tenant, AppId app, Refusal refusal) {
		this.meters.rejected(app, refusal.reason());
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		this.counts.merge(new Counted(tenant, app, minute, refusal), 1L, Long::sum);
	}

	/** Writes what was counted since the last write; answers how many rows it touched. */
	Mono<Integer> write() {
		Map<TenantId, List<Row>> byTenant = takeCounts();
		if (byTenant.isEmpty()) {
			return Mono.just(0);
		}
		return this.transactions
			.inEachTenant(List.copyOf(byTenant.keySet()),
					(tenant, db) -> Flux.fromIterable(byTenant.get(tenant))
						.concatMap((row) -> db.sql(IntakeRows.COUNT_REFUSALS)
							.bind("tenant", tenant.value())
							.bind("app", row.counted().app().value())
							.bind("minute", row.counted().minute())
							.bind("reason", row.counted().refusal().reason())
							.bind("status", row.counted().refusal().status().value())
							.bind("count", row.count())
							.bind("detail", row.counted().refusal().detail())
							.fetch()
							.rowsUpdated())
						.count())
			.map((touched) -> touched.stream().mapToInt(Long::intValue).sum())
			.doOnError((ex) -> giveBack(byTenant));
	}

	private Map<TenantId, List<Row>> takeCounts() {
		Map<TenantId, List<Row>> byTenant = new LinkedHashMap<>();
		for (Counted counted : List.copyOf(this.counts.keySet())) {
			Long count = this.counts.remove(counted);
			if (count != null) {
				byTenant.computeIfAbsent(counted.tenant(), (tenant) -> new ArrayList<>()).add(new Row(counted, count));
			}
		}
		return byTenant;
	}

	// A failed write keeps its counts for the next one.
	private void giveBack(Map<TenantId, List<Row>> byTenant) {
		byTenant.values()
			.forEach((rows) -> rows.forEach((row) -> this.counts.merge(row.counted(), row.count(), Long::sum)));
	}

	private record Counted(TenantId tenant, AppId app, Instant minute, Refusal refusal) {
	}

	private record Row(Counted counted, long count) {
	}

}
