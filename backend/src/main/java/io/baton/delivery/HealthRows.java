package io.baton.delivery;

/**
 * The SQL of an app's health page, each query bounded to {@code :since}: deliveries by
 * status, page and hour with their latencies (routing lag and end to end, in
 * milliseconds), the endpoint's answers, the latest failures.
 */
final class HealthRows {

	static final String TOTALS = """
			SELECT count(*) AS events,
			       count(*) FILTER (WHERE status = 'delivered') AS delivered,
			       count(*) FILTER (WHERE status = 'pending') AS pending,
			       count(*) FILTER (WHERE status = 'dead') AS dead,
			       count(*) FILTER (WHERE status = 'skipped') AS skipped,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - received_at) * 1000) AS lag_p50,
			       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - received_at) * 1000) AS lag_p99,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - received_at) * 1000) AS e2e_p50,
			       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - received_at) * 1000) AS e2e_p99
			FROM deliveries
			WHERE tenant_id = :tenant AND app_id = :app AND created_at >= :since
			""";

	static final String PAGES = """
			SELECT page_id, count(*) AS events,
			       count(*) FILTER (WHERE status = 'delivered') AS delivered,
			       count(*) FILTER (WHERE status = 'pending') AS pending,
			       count(*) FILTER (WHERE status = 'dead') AS dead,
			       count(*) FILTER (WHERE status = 'skipped') AS skipped,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - received_at) * 1000) AS e2e_p50,
			       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - received_at) * 1000) AS e2e_p99
			FROM deliveries
			WHERE tenant_id = :tenant AND app_id = :app AND created_at >= :since
			GROUP BY page_id
			ORDER BY count(*) DESC, page_id
			LIMIT 50
			""";

	/** Every hour of the span, also the empty ones. */
	static final String HOURS = """
			WITH hours AS (SELECT generate_series(date_trunc('hour', :since::timestamptz), date_trunc('hour', now()),
			                                      interval '1 hour') AS start),
			     d AS (SELECT date_trunc('hour', created_at) AS start, count(*) AS events,
			                  count(*) FILTER (WHERE status = 'delivered') AS delivered,
			                  percentile_cont(0.95) WITHIN GROUP
			                    (ORDER BY extract(epoch FROM delivered_at - received_at) * 1000) AS e2e_p95
			           FROM deliveries
			           WHERE tenant_id = :tenant AND app_id = :app AND created_at >= :since
			           GROUP BY 1),
			     a AS (SELECT date_trunc('hour', at) AS start, count(*) AS failed
			           FROM delivery_attempts
			           WHERE tenant_id = :tenant AND app_id = :app AND at >= :since AND outcome <> 'delivered'
			           GROUP BY 1)
			SELECT h.start, coalesce(d.events, 0) AS events, coalesce(d.delivered, 0) AS delivered,
			       coalesce(a.failed, 0) AS failed, d.e2e_p95
			FROM hours h LEFT JOIN d ON d.start = h.start LEFT JOIN a ON a.start = h.start
			ORDER BY h.start
			""";

	static final String ENDPOINT = """
			SELECT count(*) AS attempts,
			       count(*) FILTER (WHERE outcome = 'delivered') AS delivered,
			       count(*) FILTER (WHERE outcome = 'failed') AS failed,
			       count(*) FILTER (WHERE outcome = 'timeout') AS timeouts,
			       count(*) FILTER (WHERE outcome = 'unreachable') AS unreachable,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS latency_p50,
			       percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms) AS latency_p99
			FROM delivery_attempts
			WHERE tenant_id = :tenant AND app_id = :app AND at >= :since
			""";

	static final String FAILURES = """
			SELECT delivery_id, attempt, at, status, outcome, error, response_body
			FROM delivery_attempts
			WHERE tenant_id = :tenant AND app_id = :app AND at >= :since AND outcome <> 'delivered'
			ORDER BY at DESC
			LIMIT 10
			""";

	private HealthRows() {
	}

}
