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

	WebhookHealth(TenantTransactions transactions, Clock clock) {
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<IntakeFigures> figures(CurrentTenant current, AppId app, Duration span) {
		Instant since = this.clock.instant().minus(span);
		return this.transactions.inTenant(current.id(), (db) -> Zips.zip(db
			.sql("SELECT count(*) AS batches, coalesce(sum(entries), 0) AS entries FROM webhook_batches"
					+ " WHERE tenant_id = :tenant AND app_id = :app AND received_at >= :since")
			.bind("tenant", current.id().value())
			.bind("app", app.value())
			.bind("since", since)
			.map((row) -> new Counts(row.get("batches", Long.class), row.get("entries", Number.class).longValue()))
			.one(),
				db.sql("SELECT reason, count(*) AS n FROM webhook_rejections WHERE tenant_id = :tenant AND app_id = :app"
						+ " AND at >= :since GROUP BY reason ORDER BY reason")
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.bind("since", since)
					.map((row) -> Map.entry(row.get("reason", String.class), row.get("n", Long.class)))
					.all()
					.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new),
				db.sql("SELECT at, status, reason, detail FROM webhook_rejections WHERE tenant_id = :tenant"
						+ " AND app_id = :app AND at >= :since ORDER BY at DESC, id DESC LIMIT 10")
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.bind("since", since)
					.map((row) -> new IntakeFigures.Rejection(row.get("at", Instant.class),
							row.get("status", Integer.class), row.get("reason", String.class),
							row.get("detail", String.class)))
					.all()
					.collectList(),
				(counts, reasons, rejections) -> new IntakeFigures(counts.batches(), counts.entries(),
						Collections.unmodifiableMap(reasons), rejections)));
	}

	/** Batches and the entries in them. */
	private record Counts(long batches, long entries) {
	}

}
