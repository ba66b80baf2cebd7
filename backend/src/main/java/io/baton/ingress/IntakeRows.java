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

	static final String REJECTIONS_BY_REASON = """
			SELECT reason, count(*) AS n
			FROM webhook_rejections
			WHERE tenant_id = :tenant AND app_id = :app AND at >= :since
			GROUP BY reason
			ORDER BY reason
			""";

	static final String LAST_REJECTIONS = """
			SELECT at, status, reason, detail
			FROM webhook_rejections
			WHERE tenant_id = :tenant AND app_id = :app AND at >= :since
			ORDER BY at DESC, id DESC
			LIMIT 10
			""";

	static final String REJECT = """
			INSERT INTO webhook_rejections (tenant_id, app_id, status, reason, detail)
			VALUES (:tenant, :app, :status, :reason, :detail)
			""";

	private IntakeRows() {
	}

}
