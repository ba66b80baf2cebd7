package io.baton.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.Redaction;
import io.baton.platform.Zips;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The figures of an app's health page, read from the database (so every replica shows the
 * same): deliveries by page and by hour, latencies, the endpoint's answers and the latest
 * failures. Each query reads only the span asked for.
 */
@Service
public class DeliveryHealth {

	private final TenantTransactions transactions;

	private final Clock clock;

	DeliveryHealth(TenantTransactions transactions, Clock clock) {
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<DeliveryFigures> figures(TenantId tenant, AppId app, Duration span) {
		Instant since = this.clock.instant().minus(span);
		return this.transactions.inTenant(tenant,
				(db) -> Zips.zip(totals(db, tenant, app, since), pages(db, tenant, app, since).collectList(),
						hours(db, tenant, app, since).collectList(), endpoint(db, tenant, app, since),
						failures(db, tenant, app, since).collectList(), DeliveryFigures::new));
	}

	private Mono<DeliveryFigures.Totals> totals(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db, HealthRows.TOTALS, tenant, app, since)
			.map((row) -> new DeliveryFigures.Totals(count(row, "events"), count(row, "delivered"),
					count(row, "pending"), count(row, "dead"), count(row, "skipped"), row.get("lag_p50", Double.class),
					row.get("lag_p99", Double.class), row.get("e2e_p50", Double.class),
					row.get("e2e_p99", Double.class)))
			.one();
	}

	private Flux<DeliveryFigures.PageLine> pages(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db, HealthRows.PAGES, tenant, app, since)
			.map((row) -> new DeliveryFigures.PageLine(row.get("page_id", String.class), count(row, "events"),
					count(row, "delivered"), count(row, "pending"), count(row, "dead"),
					row.get("e2e_p50", Double.class), row.get("e2e_p99", Double.class)))
			.all();
	}

	private Flux<DeliveryFigures.Hour> hours(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db, HealthRows.HOURS, tenant, app, since)
			.map((row) -> new DeliveryFigures.Hour(row.get("start", Instant.class), count(row, "events"),
					count(row, "delivered"), count(row, "failed"), row.get("e2e_p95", Double.class)))
			.all();
	}

	private Mono<DeliveryFigures.EndpointLine> endpoint(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db, HealthRows.ENDPOINT, tenant, app, since)
			.map((row) -> new DeliveryFigures.EndpointLine(count(row, "attempts"), count(row, "delivered"),
					count(row, "failed"), count(row, "timeouts"), count(row, "unreachable"),
					row.get("latency_p50", Double.class), row.get("latency_p99", Double.class)))
			.one();
	}

	private Flux<DeliveryFigures.Failure> failures(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db, HealthRows.FAILURES, tenant, app, since)
			.map((row) -> new DeliveryFigures.Failure(row.get("delivery_id", Long.class),
					row.get("attempt", Integer.class), row.get("at", Instant.class), row.get("status", Integer.class),
					row.get("outcome", String.class), DeliveryRows.shown(row.get("error", String.class)),
					Redaction.of(row.get("response_body", String.class))))
			.all();
	}

	private static DatabaseClient.GenericExecuteSpec scoped(DatabaseClient db, String sql, TenantId tenant, AppId app,
			Instant since) {
		return db.sql(sql).bind("tenant", tenant.value()).bind("app", app.value()).bind("since", since);
	}

	private static long count(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

}
