package io.baton.ingress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.Zips;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/** Intake figures per app for the dashboard, over a bounded span of time. */
@Service
public class WebhookHealth {

	private final TenantTransactions transactions;

	private final Clock clock;

	private final IngressSettings settings;

	WebhookHealth(TenantTransactions transactions, Clock clock, IngressSettings settings) {
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	public Mono<IntakeFigures> figures(CurrentTenant current, AppId app, Duration span) {
		Instant since = this.clock.instant().minus(span);
		return this.transactions.inTenant(current.id(),
				(db) -> Zips.zip(
						db.sql(IntakeRows.BATCH_COUNTS)
							.bind("tenant", current.id().value())
							.bind("app", app.value())
							.bind("since", since)
							.map((row) -> new Counts(row.get("batches", Long.class),
									row.get("entries", Number.class).longValue()))
							.one(),
						db.sql(IntakeRows.REFUSALS_BY_REASON)
							.bind("tenant", current.id().value())
							.bind("app", app.value())
							.bind("since", since)
							.map((row) -> Map.entry(row.get("reason", String.class), row.get("n", Long.class)))
							.all()
							.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new),
						db.sql(IntakeRows.LATEST_REFUSALS)
							.bind("tenant", current.id().value())
							.bind("app", app.value())
							.bind("since", since)
							.map((row) -> new IntakeFigures.Rejection(row.get("minute", Instant.class),
									row.get("status", Integer.class), row.get("reason", String.class),
									row.get("count", Long.class), row.get("detail", String.class)))
							.all()
							.collectList(),
						(counts, reasons, rejections) -> new IntakeFigures(counts.batches(), counts.entries(),
								Collections.unmodifiableMap(reasons), rejections, this.settings.signedPerApp())));
	}

	/** Batches and the entries in them. */
	private record Counts(long batches, long entries) {
	}

}
