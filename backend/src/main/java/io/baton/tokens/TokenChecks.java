package io.baton.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import io.baton.apps.Apps;
import io.baton.graph.AppId;
import io.baton.graph.GraphClient;
import io.baton.graph.GraphFailure;
import io.baton.graph.PageId;
import io.baton.graph.TokenDebugger;
import io.baton.graph.TokenInfo;
import io.baton.secrets.Secret;
import io.baton.platform.Repeating;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

/**
 * Checks every page token with {@code debug_token} on a schedule. Due connections are
 * claimed across tenants with {@code SKIP LOCKED}, so any number of replicas share the
 * work; each result is written in the connection's own tenant transaction, and the cause
 * of an invalid token comes from Graph's code and subcode.
 */
@Component
public class TokenChecks {

	private static final Logger logger = LoggerFactory.getLogger(TokenChecks.class);

	private static final List<String> NEEDED = List.of("pages_messaging", "pages_manage_metadata");

	private final DatabaseClient database;

	private final TenantTransactions transactions;

	private final Apps apps;

	private final GraphClient graph;

	private final TokenDebugger debugger;

	private final PageTokens tokens;

	private final AuditLog auditLog;

	private final TokensSettings settings;

	private final Clock clock;

	private Disposable schedule = () -> {
	};

	TokenChecks(DatabaseClient database, TenantTransactions transactions, Apps apps, GraphClient graph,
			TokenDebugger debugger, PageTokens tokens, AuditLog auditLog, TokensSettings settings, Clock clock) {
		this.database = database;
		this.transactions = transactions;
		this.apps = apps;
		this.graph = graph;
		this.debugger = debugger;
		this.tokens = tokens;
		this.auditLog = auditLog;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		this.schedule = Repeating.every(this.settings.checkRunEvery(), "Token check", this::runOnce);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSchedule() {
		this.schedule.dispose();
	}

	/** Checks the tokens that are due; answers how many were checked. */
	public Mono<Long> runOnce() {
		Instant dueBefore = this.clock.instant().minus(this.settings.checkEvery());
		return this.database.sql(PageTokenRows.CLAIM_CHECKS)
			.bind("before", dueBefore)
			.bind("limit", this.settings.checkBatch())
			.map((row) -> new Due(new TenantId(row.get("tenant_id", UUID.class)),
					new AppId(row.get("app_id", String.class)), new PageId(row.get("page_id", String.class))))
			.all()
			.concatMap(this::check)
			.count();
	}

	private Mono<Void> check(Due due) {
		return this.apps.secret(due.tenant(), due.app())
			.flatMap((secret) -> this.graph.appToken(due.app(), secret)
				.zipWith(this.tokens.tokenFor(due.tenant(), due.app(), due.page()), Tokens::new)
				.flatMap((tokens) -> this.debugger.inspect(tokens.page(), tokens.app(), secret)))
			.flatMap((info) -> record(due, info))
			.onErrorResume(GraphFailure.class, (failure) -> {
				logger.info("Could not check the token of page {} for app {}: Graph error {}", due.page(), due.app(),
						failure.code());
				return Mono.empty();
			});
	}

	private Mono<Void> record(Due due, TokenInfo info) {
		TokenProblem problem = problem(info);
		return this.transactions.inTenant(due.tenant(), (db) -> {
			GenericExecuteSpec update = db.sql(PageTokenRows.RECORD_CHECK)
				.bind("status", (problem == null) ? "valid" : "invalid")
				.bind("cause", (problem == null) ? "" : problem.name())
				.bind("scopes", info.valid() ? info.scopes().toArray(String[]::new) : new String[0])
				.bind("tenant", due.tenant().value())
				.bind("app", due.app().value())
				.bind("page", due.page().value());
			update = (info.expiresAt() != null) ? update.bind("expires", info.expiresAt())
					: update.bindNull("expires", Instant.class);
			update = (info.dataAccessExpiresAt() != null) ? update.bind("dataAccess", info.dataAccessExpiresAt())
					: update.bindNull("dataAccess", Instant.class);
			return update.map((row) -> row.get("before", String.class))
				.one()
				.flatMap((before) -> ("valid".equals(before) && problem != null)
						? this.auditLog.recordBySystem(due.tenant(), "page.token_invalid", due.page().value(),
								Map.of("app", due.app().value(), "cause", problem.name()))
						: Mono.empty());
		});
	}

	static TokenProblem problem(TokenInfo info) {
		if (!info.valid()) {
			TokenProblem byCode = (info.errorCode() != null) ? TokenProblem.of(info.errorCode(), info.errorSubcode())
					: null;
			return (byCode != null) ? byCode : TokenProblem.REVOKED;
		}
		return info.scopes().containsAll(NEEDED) ? null : TokenProblem.PERMISSION_DECLINED;
	}

	private record Due(TenantId tenant, AppId app, PageId page) {
	}

	/** The app's token, to ask Graph about the page's token. */
	private record Tokens(Secret app, Secret page) {
	}

}
