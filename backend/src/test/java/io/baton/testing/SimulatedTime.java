package io.baton.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import io.baton.platform.DatabaseSettings;

/**
 * Time passing for one tenant's deliveries without waiting for it. Delivery schedules
 * itself by comparing stored instants with the database's {@code now()}: a retry is due
 * when {@code next_attempt_at} has passed, a circuit lets a probe through when
 * {@code circuit_open_until} has. Moving those instants back by a span is what the span
 * passing would do to them, so the workers act as they would after it, in real time.
 * Leases are left alone: they belong to POSTs that are really in flight.
 */
public final class SimulatedTime {

	private static final String DELIVERIES = """
			UPDATE baton.deliveries SET next_attempt_at = next_attempt_at - ?::interval
			 WHERE tenant_id = ? AND status = 'pending'""";

	private static final String ENDPOINTS = """
			UPDATE baton.endpoint_states
			   SET circuit_open_until = circuit_open_until - ?::interval, failing_since = failing_since - ?::interval,
			       last_failure_at = last_failure_at - ?::interval, last_success_at = last_success_at - ?::interval
			 WHERE tenant_id = ?""";

	private final DatabaseSettings database;

	private final UUID tenant;

	public SimulatedTime(DatabaseSettings database, UUID tenant) {
		this.database = database;
		this.tenant = tenant;
	}

	public void advance(Duration span) throws SQLException {
		String interval = span.toMillis() + " milliseconds";
		try (Connection connection = GroundTruth.connect(this.database)) {
			connection.setAutoCommit(false);
			try (PreparedStatement deliveries = connection.prepareStatement(DELIVERIES);
					PreparedStatement endpoints = connection.prepareStatement(ENDPOINTS)) {
				deliveries.setString(1, interval);
				deliveries.setObject(2, this.tenant);
				deliveries.executeUpdate();
				for (int i = 1; i <= 4; i++) {
					endpoints.setString(i, interval);
				}
				endpoints.setObject(5, this.tenant);
				endpoints.executeUpdate();
			}
			connection.commit();
		}
	}

	/**
	 * Whether the tenant's delivery has caught up with the time: no conversation's next
	 * delivery is due behind a closed (or probing) circuit, and none is being sent.
	 */
	public boolean settled() throws SQLException {
		return GroundTruth
			.rows(this.database,
					"""
							SELECT count(*) FROM baton.deliveries d
							  LEFT JOIN baton.endpoint_states s ON s.app_id = d.app_id
							 WHERE d.tenant_id = '%s' AND d.status = 'pending'
							   AND NOT EXISTS (SELECT 1 FROM baton.deliveries earlier
							                    WHERE earlier.lane = d.lane AND earlier.status = 'pending' AND earlier.id < d.id)
							   AND (d.leased_until > now()
							        OR (d.next_attempt_at <= now() AND s.disabled_at IS NULL
							            AND (s.circuit_open_until IS NULL OR s.circuit_open_until <= now())))
							"""
						.formatted(this.tenant),
					(row) -> row.getLong(1))
			.get(0) == 0;
	}

}
