package io.baton.sandbox.faults;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The Graph faults an engineer injected, and using them up one call at a time. */
@Component
@ConditionalOnSandbox
public class GraphFaults {

	private static final String ACTIVE = "(remaining_calls IS NULL OR remaining_calls > 0) AND (until IS NULL OR until > now())";

	private static final String COLUMNS = "id, app_id, page_id, kind, remaining_calls, until, " + ACTIVE + " AS active";

	private final DatabaseClient database;

	GraphFaults(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Adds a fault for the app or the page, for {@code calls} calls and {@code lasting}
	 * (either may be {@code null}: no limit).
	 */
	public Mono<GraphFault> add(@Nullable String appId, @Nullable String pageId, String kind, @Nullable Integer calls,
			@Nullable Duration lasting) {
		return this.database
			.sql("INSERT INTO sandbox.graph_faults (app_id, page_id, kind, remaining_calls, until)"
					+ " VALUES (:app, :page, :kind, :calls, now() + make_interval(secs => :seconds)) RETURNING "
					+ COLUMNS)
			.bind("app", Parameters.in(R2dbcType.VARCHAR, appId))
			.bind("page", Parameters.in(R2dbcType.VARCHAR, pageId))
			.bind("kind", kind)
			.bind("calls", Parameters.in(R2dbcType.INTEGER, calls))
			.bind("seconds", Parameters.in(R2dbcType.DOUBLE, (lasting != null) ? (double) lasting.toSeconds() : null))
			.map(GraphFaults::fault)
			.one();
	}

	/** Every fault, active or spent, newest first (a bounded list). */
	public Flux<GraphFault> all() {
		return this.database.sql("SELECT " + COLUMNS + " FROM sandbox.graph_faults ORDER BY id DESC LIMIT 200")
			.map(GraphFaults::fault)
			.all();
	}

	public Mono<Long> remove(long id) {
		return this.database.sql("DELETE FROM sandbox.graph_faults WHERE id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	Mono<Boolean> anyActive() {
		return this.database.sql("SELECT EXISTS (SELECT 1 FROM sandbox.graph_faults WHERE " + ACTIVE + ") AS any")
			.map((row) -> Boolean.TRUE.equals(row.get("any", Boolean.class)))
			.one();
	}

	/**
	 * Uses up one call of the active fault for any of these apps or pages (a page's
	 * first), if there is one.
	 */
	Mono<GraphFault> claim(List<String> appIds, List<String> pageIds) {
		return this.database.sql("""
				UPDATE sandbox.graph_faults SET remaining_calls = remaining_calls - 1
				WHERE id = (SELECT id FROM sandbox.graph_faults
				            WHERE (app_id = ANY(:apps) OR page_id = ANY(:pages)) AND %s
				            ORDER BY page_id NULLS LAST, id LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING %s
				""".formatted(ACTIVE, COLUMNS.replace(ACTIVE, "true")))
			.bind("apps", appIds.toArray(String[]::new))
			.bind("pages", pageIds.toArray(String[]::new))
			.map(GraphFaults::fault)
			.one();
	}

	private static GraphFault fault(Readable row) {
		return new GraphFault(row.get("id", Long.class), row.get("app_id", String.class),
				row.get("page_id", String.class), row.get("kind", String.class),
				row.get("remaining_calls", Integer.class), row.get("until", OffsetDateTime.class),
				Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

}
