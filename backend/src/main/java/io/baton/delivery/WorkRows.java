package io.baton.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.baton.platform.MultiRowValues;

/**
 * The SQL of the delivery workers: claiming due deliveries, writing down outcomes and
 * endpoint health, removing old ones.
 */
final class WorkRows {

	/** A stopping worker gives back what it leased and did not finish. */
	static final String RELEASE_DELIVERIES = "SELECT release_deliveries(:worker)";

	static final String CLAIM_DELIVERIES = """
			SELECT id, tenant_id, app_id, page_id, attempt, payload, endpoint, secret_sealed
			FROM claim_deliveries(:limit, :lease * interval '1 millisecond', :worker)
			""";

	static final String ENDPOINT_SUCCESS = """
			WITH changed AS (
			  UPDATE endpoint_states
			  SET consecutive_failures = 0, failing_since = NULL, circuit_open_until = NULL, last_success_at = now(),
			      updated_at = now()
			  WHERE app_id = :app
			    AND (consecutive_failures > 0 OR circuit_open_until IS NOT NULL OR last_success_at IS NULL
			         OR last_success_at < now() - interval '1 second')
			  RETURNING app_id)
			INSERT INTO endpoint_states (app_id, tenant_id, last_success_at)
			SELECT :app, :tenant, now()
			WHERE NOT EXISTS (SELECT 1 FROM endpoint_states WHERE app_id = :app)
			ON CONFLICT (app_id) DO NOTHING
			""";

	static final String ENDPOINT_FAILURES = """
			INSERT INTO endpoint_states AS s (app_id, tenant_id, consecutive_failures, failing_since, last_failure_at,
			                                  circuit_open_until)
			VALUES (:app, :tenant, :count, now(), now(), CASE WHEN :count >= :threshold
			          THEN now() + LEAST(:cooldown * power(2, :count - :threshold), :max) * interval '1 millisecond' END)
			ON CONFLICT (app_id) DO UPDATE
			SET consecutive_failures = s.consecutive_failures + :count,
			    failing_since = COALESCE(s.failing_since, now()), last_failure_at = now(), updated_at = now(),
			    circuit_open_until = CASE WHEN s.consecutive_failures + :count >= :threshold
			      THEN now() + LEAST(:cooldown * power(2, s.consecutive_failures + :count - :threshold), :max)
			           * interval '1 millisecond'
			      ELSE s.circuit_open_until END,
			    disabled_at = CASE WHEN s.disabled_at IS NULL
			                         AND s.failing_since < now() - :disableAfter * interval '1 millisecond'
			      THEN now() ELSE s.disabled_at END,
			    disabled_reason = CASE WHEN s.disabled_at IS NULL
			                             AND s.failing_since < now() - :disableAfter * interval '1 millisecond'
			      THEN :reason ELSE s.disabled_reason END
			RETURNING (disabled_at IS NOT NULL AND disabled_at >= now()) AS disabled_now
			""";

	static final String REMOVE_FINISHED = """
			DELETE FROM deliveries
			WHERE id IN (SELECT id FROM deliveries
			             WHERE tenant_id = :tenant AND status <> 'pending' AND updated_at < now() - :keepDays * interval '1 day'
			             LIMIT :limit)
			""";

	static final MultiRowValues ATTEMPTS = new MultiRowValues("""
			INSERT INTO delivery_attempts (tenant_id, delivery_id, app_id, endpoint, attempt, duration_ms, status,
			                               outcome, error, response_body)""", "",
			List.of(UUID.class, Long.class, String.class, String.class, Integer.class, Integer.class, Integer.class,
					String.class, String.class, String.class));

	static final MultiRowValues DELIVERIES = new MultiRowValues("""
			UPDATE deliveries AS d
			SET status = v.status, next_attempt_at = v.next_attempt_at, leased_until = NULL, leased_by = NULL,
			    last_status = v.last_status, last_error = v.last_error, updated_at = now(),
			    delivered_at = CASE WHEN v.status = 'delivered' THEN now() ELSE d.delivered_at END
			FROM (""", """
			) AS v (id, status, next_attempt_at, last_status, last_error, worker)
			WHERE d.id = v.id AND d.leased_by = v.worker""",
			List.of(Long.class, String.class, Instant.class, Integer.class, String.class, String.class));

	private WorkRows() {
	}

}
