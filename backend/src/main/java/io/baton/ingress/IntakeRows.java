package io.baton.ingress;

/**
 * The SQL of intake's figures and refusals (the batches themselves are
 * {@link WebhookBatches}).
 */
final class IntakeRows {

	static final String BATCH_COUNTS = """
			SELECT count(*) AS batches, coalesce(sum(entries), 0) AS entries
			FROM webhook_batches
			WHERE tenant_id = :tenant AND app_id = :app AND received_at >= :since
			""";

	static final String REFUSALS_BY_REASON = """
			SELECT reason, sum(count)::bigint AS n
			FROM webhook_refusals
			WHERE tenant_id = :tenant AND app_id = :app AND minute >= :since
			GROUP BY reason
			ORDER BY reason
			""";

	static final String LATEST_REFUSALS = """
			SELECT minute, status, reason, count, detail
			FROM webhook_refusals
			WHERE tenant_id = :tenant AND app_id = :app AND minute >= :since
			ORDER BY minute DESC, reason
			LIMIT 10
			""";

	static final String COUNT_REFUSALS = """
			INSERT INTO webhook_refusals AS r (tenant_id, app_id, minute, reason, status, count, detail)
			VALUES (:tenant, :app, :minute, :reason, :status, :count, :detail)
			ON CONFLICT (tenant_id, app_id, minute, reason) DO UPDATE SET count = r.count + EXCLUDED.count
			""";

	static final String FORGET_REFUSALS = """
			DELETE FROM webhook_refusals
			WHERE (tenant_id, app_id, minute, reason) IN (SELECT tenant_id, app_id, minute, reason
			                                              FROM webhook_refusals
			                                              WHERE tenant_id = :tenant
			                                                AND minute < now() - :keepDays * interval '1 day'
			                                              LIMIT :limit)
			""";

	private IntakeRows() {
	}

}
