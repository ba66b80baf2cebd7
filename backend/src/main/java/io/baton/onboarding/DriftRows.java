package io.baton.onboarding;

import java.time.Instant;

import io.r2dbc.spi.Readable;

/**
 * The SQL of {@code subscription_drift} (each difference found, open until resolved) and
 * of the reconciler's claim, and the mapping of its rows.
 */
final class DriftRows {

	/** Across tenants, through the {@code SECURITY DEFINER} function. */
	static final String CLAIM = """
			SELECT tenant_id, app_id FROM claim_reconciliations(:before, :limit)
			""";

	static final String RECENT = """
			SELECT id, page_id, found_at, description, resolved_at, resolution
			FROM subscription_drift
			WHERE tenant_id = :tenant AND app_id = :app
			ORDER BY found_at DESC, id DESC
			LIMIT 20
			""";

	/** Opens a difference unless the same one is open already. */
	static final String OPEN = """
			INSERT INTO subscription_drift (tenant_id, app_id, page_id, description)
			SELECT :tenant, :app, :page, :description
			WHERE NOT EXISTS (SELECT 1 FROM subscription_drift
			                  WHERE tenant_id = :tenant AND app_id = :app AND page_id IS NOT DISTINCT FROM :page
			                    AND resolved_at IS NULL AND description = :description)
			""";

	static final String CLOSE = """
			UPDATE subscription_drift SET resolved_at = now(), resolution = :resolution
			WHERE tenant_id = :tenant AND app_id = :app AND page_id IS NOT DISTINCT FROM :page AND resolved_at IS NULL
			""";

	private DriftRows() {
	}

	static Drift drift(Readable row) {
		return new Drift(row.get("id", Long.class), row.get("page_id", String.class),
				row.get("found_at", Instant.class), row.get("description", String.class),
				row.get("resolved_at", Instant.class), row.get("resolution", String.class));
	}

}
