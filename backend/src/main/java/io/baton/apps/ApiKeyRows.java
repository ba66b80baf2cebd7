package io.baton.apps;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import io.baton.graph.PageId;

/** The SQL of the {@code api_keys} table and the mapping of its rows. */
final class ApiKeyRows {

	static final String INSERT = """
			INSERT INTO api_keys (id, tenant_id, app_id, page_id, name, prefix, hash, created_by)
			VALUES (:id, :tenant, :app, :page, :name, :prefix, :hash, :by)
			RETURNING created_at
			""";

	static final String LIST = """
			SELECT id, name, prefix, page_id, created_at, last_used_at, revoked_at
			FROM api_keys
			WHERE tenant_id = :tenant AND app_id = :app
			ORDER BY created_at DESC
			""";

	static final String REVOKE = """
			UPDATE api_keys SET revoked_at = now()
			WHERE tenant_id = :tenant AND app_id = :app AND id = :id AND revoked_at IS NULL
			RETURNING prefix
			""";

	/** Across tenants, through the {@code SECURITY DEFINER} function, by the prefix. */
	static final String BY_PREFIX = """
			SELECT id, tenant_id, app_id, page_id, name, hash, last_used_at, revoked_at
			FROM api_key_directory(:prefix)
			""";

	static final String NOTE_USE = """
			UPDATE api_keys SET last_used_at = :now WHERE tenant_id = :tenant AND id = :id
			""";

	private ApiKeyRows() {
	}

	static @Nullable PageId page(Readable row) {
		String page = row.get("page_id", String.class);
		return (page != null) ? new PageId(page) : null;
	}

	static ApiKey key(Readable row) {
		return new ApiKey(row.get("id", UUID.class), row.get("name", String.class), row.get("prefix", String.class),
				page(row), row.get("created_at", Instant.class), row.get("last_used_at", Instant.class),
				row.get("revoked_at", Instant.class));
	}

}
