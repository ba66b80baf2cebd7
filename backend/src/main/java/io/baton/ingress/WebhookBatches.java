package io.baton.ingress;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.MultiRowValues;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;

/** Rows of {@code webhook_batches}: the raw body of each acknowledged webhook request. */
final class WebhookBatches {

	// RETURNING yields the rows in the order of VALUES (PostgreSQL inserts them in that
	// order), which maps each id to its batch.
	private static final MultiRowValues ROWS = new MultiRowValues(
			"INSERT INTO webhook_batches (tenant_id, app_id, body, entries)", "RETURNING id",
			List.of(UUID.class, String.class, ByteBuffer.class, Integer.class));

	private WebhookBatches() {
	}

	/** A signed, well-formed batch to store for its app's tenant. */
	record Batch(TenantId tenant, AppId app, byte[] body, int entries) {
	}

	/**
	 * Stores one tenant's batches with one multi-row {@code INSERT} (inside the caller's
	 * tenant transaction); answers their ids in the order given.
	 */
	static Mono<List<Long>> insert(DatabaseClient db, TenantId tenant, List<Batch> batches) {
		List<Object[]> rows = batches.stream()
			.map((batch) -> new Object[] { tenant.value(), batch.app().value(), ByteBuffer.wrap(batch.body()),
					batch.entries() })
			.toList();
		return ROWS.run(db, rows, (row) -> row.get("id", Long.class))
			.collectList()
			.filter((ids) -> ids.size() == batches.size())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Not every batch of the group was stored")));
	}

}
