package io.baton.ingress;

import java.nio.ByteBuffer;
import java.util.List;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Rows of {@code webhook_batches}: the raw body of each acknowledged webhook request. */
final class WebhookBatches {

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
		GenericExecuteSpec insert = db.sql(insertStatement(batches.size())).bind(0, tenant.value());
		for (int i = 0; i < batches.size(); i++) {
			Batch batch = batches.get(i);
			insert = insert.bind(1 + 3 * i, batch.app().value())
				.bind(2 + 3 * i, ByteBuffer.wrap(batch.body()))
				.bind(3 + 3 * i, batch.entries());
		}
		return insert.map((row) -> row.get(0, Long.class))
			.all()
			.collectList()
			.filter((ids) -> ids.size() == batches.size())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Not every batch of the group was stored")));
	}

	// RETURNING yields the rows in the order of VALUES (PostgreSQL inserts them in that
	// order; bulk inserts elsewhere rely on the same), which maps each id to its batch.
	private static String insertStatement(int rows) {
		StringBuilder sql = new StringBuilder("INSERT INTO webhook_batches (tenant_id, app_id, body, entries) VALUES ");
		for (int i = 0; i < rows; i++) {
			int first = 2 + 3 * i;
			sql.append((i > 0) ? ", " : "")
				.append("($1, $")
				.append(first)
				.append(", $")
				.append(first + 1)
				.append(", $")
				.append(first + 2)
				.append(")");
		}
		return sql.append(" RETURNING id").toString();
	}

}
