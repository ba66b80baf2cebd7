package io.baton.tokens;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/**
 * The vault of page tokens: stores them sealed, hands them to the modules that call Graph
 * for a page, lists the inventory, and records why a token stopped working.
 */
@Service
public class PageTokens {

	private final TenantTransactions transactions;

	private final SecretBox secrets;

	private final AuditLog auditLog;

	PageTokens(TenantTransactions transactions, SecretBox secrets, AuditLog auditLog) {
		this.transactions = transactions;
		this.secrets = secrets;
		this.auditLog = auditLog;
	}

	/** Stores (or replaces) the token of an app on a page; the page row must exist. */
	public Mono<Void> store(CurrentTenant current, AppId app, PageId page, Secret token, List<String> scopes,
			List<String> subscribedFields) {
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(PageTokenRows.STORE)
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.bind("page", page.value())
					.bind("sealed", this.secrets.seal(token, context(app, page)))
					.bind("scopes", scopes.toArray(String[]::new))
					.bind("fields", subscribedFields.toArray(String[]::new))
					.bind("by", current.userId().value())
					.fetch()
					.rowsUpdated()
					.then(this.auditLog.record(current, "page.token_stored", page.value(),
							Map.of("app", app.value(), "scopes", String.join(",", scopes)))));
	}

	/** The token to call Graph with for this page, noting its use. */
	public Mono<Secret> tokenFor(TenantId tenant, AppId app, PageId page) {
		return this.transactions
			.inTenant(tenant,
					(db) -> db.sql(PageTokenRows.TOKEN_FOR)
						.bind("tenant", tenant.value())
						.bind("app", app.value())
						.bind("page", page.value())
						.map((row) -> this.secrets.open(row.get("token_sealed", String.class), context(app, page)))
						.one())
			.switchIfEmpty(Mono.error(() -> new NotFound("Page " + page + " is not connected to app " + app + ".")));
	}

	public Flux<PageToken> inventory(CurrentTenant current) {
		return this.transactions.inTenantMany(current.id(),
				(db) -> db.sql(PageTokenRows.INVENTORY)
					.bind("tenant", current.id().value())
					.map(PageTokens::pageToken)
					.all());
	}

	/** Every page connected to the app, whatever its token's status. */
	public Flux<PageId> connectedPages(TenantId tenant, AppId app) {
		return this.transactions.inTenantMany(tenant,
				(db) -> db.sql(PageTokenRows.CONNECTED_PAGES)
					.bind("tenant", tenant.value())
					.bind("app", app.value())
					.map((row) -> new PageId(row.get("page_id", String.class)))
					.all());
	}

	/** The pages whose token for the app still works. */
	public Flux<PageId> validPages(TenantId tenant, AppId app) {
		return this.transactions.inTenantMany(tenant,
				(db) -> db.sql(PageTokenRows.VALID_PAGES)
					.bind("tenant", tenant.value())
					.bind("app", app.value())
					.map((row) -> new PageId(row.get("page_id", String.class)))
					.all());
	}

	/** How many of the tenant's tokens are invalid: drives the banner on every page. */
	public Mono<Long> invalidCount(CurrentTenant current) {
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(PageTokenRows.INVALID_COUNT)
					.bind("tenant", current.id().value())
					.map((row) -> row.get(0, Long.class))
					.one());
	}

	/** Marks the token invalid at once, with the cause Graph's code and subcode give. */
	public Mono<Void> markInvalid(TenantId tenant, AppId app, PageId page, TokenProblem problem) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(PageTokenRows.MARK_INVALID)
					.bind("cause", problem.name())
					.bind("tenant", tenant.value())
					.bind("app", app.value())
					.bind("page", page.value())
					.then());
	}

	/** Erases the token (the page is disconnected from the app). */
	public Mono<Boolean> erase(CurrentTenant current, AppId app, PageId page) {
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(PageTokenRows.ERASE)
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.bind("page", page.value())
					.fetch()
					.rowsUpdated()
					.map((deleted) -> deleted > 0));
	}

	/**
	 * Seals again, with the current key, every page token of the tenant sealed with an
	 * older one.
	 */
	Mono<Long> resealTokens(TenantId tenant) {
		return this.transactions.inTenant(tenant, (db) -> db.sql(PageTokenRows.SEALED_TOKENS)
			.bind("tenant", tenant.value())
			.map((row) -> new Sealed(new AppId(row.get("app_id", String.class)),
					new PageId(row.get("page_id", String.class)), row.get("token_sealed", String.class)))
			.all()
			.filter((sealed) -> this.secrets.needsRotation(sealed.value()))
			.concatMap((sealed) -> db.sql(PageTokenRows.RESEAL)
				.bind("sealed",
						this.secrets.seal(this.secrets.open(sealed.value(), context(sealed.app(), sealed.page())),
								context(sealed.app(), sealed.page())))
				.bind("tenant", tenant.value())
				.bind("app", sealed.app().value())
				.bind("page", sealed.page().value())
				.fetch()
				.rowsUpdated())
			.count());
	}

	private record Sealed(AppId app, PageId page, String value) {
	}

	static String context(AppId app, PageId page) {
		return "page-token:" + app.value() + ":" + page.value();
	}

	private static PageToken pageToken(Readable row) {
		String cause = row.get("cause", String.class);
		return new PageToken(new AppId(row.get("app_id", String.class)), row.get("app_name", String.class),
				new PageId(row.get("page_id", String.class)), row.get("page_name", String.class),
				Arrays.asList(row.get("scopes", String[].class)),
				Arrays.asList(row.get("subscribed_fields", String[].class)), row.get("issued_at", Instant.class),
				row.get("expires_at", Instant.class), row.get("data_access_expires_at", Instant.class),
				row.get("last_used_at", Instant.class), row.get("last_checked_at", Instant.class),
				"valid".equals(row.get("status", String.class)),
				(cause == null || cause.isEmpty()) ? null : TokenProblem.valueOf(cause));
	}

}
