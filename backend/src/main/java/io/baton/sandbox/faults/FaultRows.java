package io.baton.sandbox.faults;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

/**
 * The SQL of the injected Graph faults ({@code sandbox.graph_faults}) and its row
 * mapping.
 */
final class FaultRows {

	/** A fault is active while it has calls left and has not run out. */
	private static final String ACTIVE = "(remaining_calls IS NULL OR remaining_calls > 0) AND (until IS NULL OR until > now())";

	private static final String COLUMNS = "id, app_id, page_id, kind, remaining_calls, until, " + ACTIVE + " AS active";

	/** A fault for {@code :calls} calls and {@code :seconds} (either null: no limit). */
	static final String INSERT = """
			INSERT INTO sandbox.graph_faults (app_id, page_id, kind, remaining_calls, until)
			VALUES (:app, :page, :kind, :calls, now() + make_interval(secs => :seconds)) RETURNING\s""" + COLUMNS;

	static final String ALL = "SELECT " + COLUMNS + " FROM sandbox.graph_faults ORDER BY id DESC LIMIT 200";

	static final String DELETE = """
			DELETE FROM sandbox.graph_faults WHERE id = :id
			""";

	static final String ANY_ACTIVE = "SELECT EXISTS (SELECT 1 FROM sandbox.graph_faults WHERE " + ACTIVE + ") AS any";

	/**
	 * Uses up one call of an active fault of {@code :apps} or {@code :pages}, a page's
	 * first. Built once from {@code ACTIVE}; the claimed fault answers as active, as it
	 * was when claimed, though that call may have been its last.
	 */
	static final String CLAIM = """
			UPDATE sandbox.graph_faults SET remaining_calls = remaining_calls - 1
			WHERE id = (SELECT id FROM sandbox.graph_faults
			            WHERE (app_id = ANY(:apps) OR page_id = ANY(:pages)) AND %s
			            ORDER BY page_id NULLS LAST, id LIMIT 1 FOR UPDATE SKIP LOCKED)
			RETURNING %s
			""".formatted(ACTIVE, COLUMNS.replace(ACTIVE, "true"));

	private FaultRows() {
	}

	static GraphFault fault(Readable row) {
		return new GraphFault(row.get("id", Long.class), row.get("app_id", String.class),
				row.get("page_id", String.class), row.get("kind", String.class),
				row.get("remaining_calls", Integer.class), row.get("until", OffsetDateTime.class),
				Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

}
