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

	private static final String PERCENTILES_MS = "percentile_cont(0.5) WITHIN GROUP (ORDER BY %1$s) AS %2$s_p50,"
			+ " percentile_cont(0.99) WITHIN GROUP (ORDER BY %1$s) AS %2$s_p99";

	private static final String END_TO_END = "extract(epoch FROM delivered_at - received_at) * 1000";

	private static final String ROUTING_LAG = "extract(epoch FROM created_at - received_at) * 1000";

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
		return scoped(db,
				"SELECT count(*) AS events, " + byStatus() + ", " + String.format(PERCENTILES_MS, ROUTING_LAG, "lag")
						+ ", " + String.format(PERCENTILES_MS, END_TO_END, "e2e")
						+ " FROM deliveries WHERE tenant_id = :tenant AND app_id = :app AND created_at >= :since",
				tenant, app, since)
			.map((row) -> new DeliveryFigures.Totals(count(row, "events"), count(row, "delivered"),
					count(row, "pending"), count(row, "dead"), count(row, "skipped"), row.get("lag_p50", Double.class),
					row.get("lag_p99", Double.class), row.get("e2e_p50", Double.class),
					row.get("e2e_p99", Double.class)))
			.one();
	}

	private Flux<DeliveryFigures.PageLine> pages(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db,
				"SELECT page_id, count(*) AS events, " + byStatus() + ", "
						+ String.format(PERCENTILES_MS, END_TO_END, "e2e")
						+ " FROM deliveries WHERE tenant_id = :tenant AND app_id = :app AND created_at >= :since"
						+ " GROUP BY page_id ORDER BY count(*) DESC, page_id LIMIT 50",
				tenant, app, since)
			.map((row) -> new DeliveryFigures.PageLine(row.get("page_id", String.class), count(row, "events"),
					count(row, "delivered"), count(row, "pending"), count(row, "dead"),
					row.get("e2e_p50", Double.class), row.get("e2e_p99", Double.class)))
			.all();
	}

	private Flux<DeliveryFigures.Hour> hours(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db, "WITH hours AS (SELECT generate_series(date_trunc('hour', :since::timestamptz),"
				+ "   date_trunc('hour', now()), interval '1 hour') AS start),"
				+ " d AS (SELECT date_trunc('hour', created_at) AS start, count(*) AS events,"
				+ "   count(*) FILTER (WHERE status = 'delivered') AS delivered,"
				+ "   percentile_cont(0.95) WITHIN GROUP (ORDER BY " + END_TO_END + ") AS e2e_p95"
				+ "   FROM deliveries WHERE tenant_id = :tenant AND app_id = :app AND created_at >= :since GROUP BY 1),"
				+ " a AS (SELECT date_trunc('hour', at) AS start, count(*) AS failed FROM delivery_attempts"
				+ "   WHERE tenant_id = :tenant AND app_id = :app AND at >= :since AND outcome <> 'delivered'"
				+ "   GROUP BY 1)"
				+ " SELECT h.start, coalesce(d.events, 0) AS events, coalesce(d.delivered, 0) AS delivered,"
				+ " coalesce(a.failed, 0) AS failed, d.e2e_p95"
				+ " FROM hours h LEFT JOIN d ON d.start = h.start LEFT JOIN a ON a.start = h.start ORDER BY h.start",
				tenant, app, since)
			.map((row) -> new DeliveryFigures.Hour(row.get("start", Instant.class), count(row, "events"),
					count(row, "delivered"), count(row, "failed"), row.get("e2e_p95", Double.class)))
			.all();
	}

	private Mono<DeliveryFigures.EndpointLine> endpoint(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db,
				"SELECT count(*) AS attempts," + " count(*) FILTER (WHERE outcome = 'delivered') AS delivered,"
						+ " count(*) FILTER (WHERE outcome = 'failed') AS failed,"
						+ " count(*) FILTER (WHERE outcome = 'timeout') AS timeouts,"
						+ " count(*) FILTER (WHERE outcome = 'unreachable') AS unreachable, "
						+ String.format(PERCENTILES_MS, "duration_ms", "latency")
						+ " FROM delivery_attempts WHERE tenant_id = :tenant AND app_id = :app AND at >= :since",
				tenant, app, since)
			.map((row) -> new DeliveryFigures.EndpointLine(count(row, "attempts"), count(row, "delivered"),
					count(row, "failed"), count(row, "timeouts"), count(row, "unreachable"),
					row.get("latency_p50", Double.class), row.get("latency_p99", Double.class)))
			.one();
	}

	private Flux<DeliveryFigures.Failure> failures(DatabaseClient db, TenantId tenant, AppId app, Instant since) {
		return scoped(db,
				"SELECT delivery_id, attempt, at, status, outcome, error, response_body"
						+ " FROM delivery_attempts WHERE tenant_id = :tenant AND app_id = :app AND at >= :since"
						+ " AND outcome <> 'delivered' ORDER BY at DESC LIMIT 10",
				tenant, app, since)
			.map((row) -> new DeliveryFigures.Failure(row.get("delivery_id", Long.class),
					row.get("attempt", Integer.class), row.get("at", Instant.class), row.get("status", Integer.class),
					row.get("outcome", String.class), row.get("error", String.class),
					Redaction.of(row.get("response_body", String.class))))
			.all();
	}

	private static DatabaseClient.GenericExecuteSpec scoped(DatabaseClient db, String sql, TenantId tenant, AppId app,
			Instant since) {
		return db.sql(sql).bind("tenant", tenant.value()).bind("app", app.value()).bind("since", since);
	}

	private static String byStatus() {
		return "count(*) FILTER (WHERE status = 'delivered') AS delivered,"
				+ " count(*) FILTER (WHERE status = 'pending') AS pending,"
				+ " count(*) FILTER (WHERE status = 'dead') AS dead,"
				+ " count(*) FILTER (WHERE status = 'skipped') AS skipped";
	}

	private static long count(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

}
