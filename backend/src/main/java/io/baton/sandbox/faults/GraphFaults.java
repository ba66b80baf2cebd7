package io.baton.sandbox.faults;

import java.time.Duration;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The Graph faults an engineer injected, and using them up one call at a time. */
@Component
@ConditionalOnSandbox
public class GraphFaults {

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
		return this.database.sql(FaultRows.INSERT)
			.bind("app", Parameters.in(R2dbcType.VARCHAR, appId))
			.bind("page", Parameters.in(R2dbcType.VARCHAR, pageId))
			.bind("kind", kind)
			.bind("calls", Parameters.in(R2dbcType.INTEGER, calls))
			.bind("seconds", Parameters.in(R2dbcType.DOUBLE, (lasting != null) ? (double) lasting.toSeconds() : null))
			.map(FaultRows::fault)
			.one();
	}

	/** Every fault, active or spent, newest first (a bounded list). */
	public Flux<GraphFault> all() {
		return this.database.sql(FaultRows.ALL).map(FaultRows::fault).all();
	}

	public Mono<Long> remove(long id) {
		return this.database.sql(FaultRows.DELETE).bind("id", id).fetch().rowsUpdated();
	}

	Mono<Boolean> anyActive() {
		return this.database.sql(FaultRows.ANY_ACTIVE)
			.map((row) -> Boolean.TRUE.equals(row.get("any", Boolean.class)))
			.one();
	}

	/**
	 * Uses up one call of the active fault for any of these apps or pages (a page's
	 * first), if there is one.
	 */
	Mono<GraphFault> claim(List<String> appIds, List<String> pageIds) {
		return this.database.sql(FaultRows.CLAIM)
			.bind("apps", appIds.toArray(String[]::new))
			.bind("pages", pageIds.toArray(String[]::new))
			.map(FaultRows::fault)
			.one();
	}

}
