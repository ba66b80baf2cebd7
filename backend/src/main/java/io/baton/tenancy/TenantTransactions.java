package io.baton.tenancy;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The one way into a tenant's rows: opens a transaction, sets the current tenant for that
 * transaction only (so a pooled connection never carries it over), then runs the work.
 * Row-level security refuses every row of any other tenant.
 */
@Component
public class TenantTransactions {

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	TenantTransactions(DatabaseClient database, TransactionalOperator transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	public <T> Mono<T> inTenant(TenantId tenant, Function<DatabaseClient, Mono<T>> work) {
		return setCurrentTenant(tenant).then(Mono.defer(() -> work.apply(this.database)))
			.as(this.transactions::transactional);
	}

	public <T> Flux<T> inTenantMany(TenantId tenant, Function<DatabaseClient, Flux<T>> work) {
		return setCurrentTenant(tenant).thenMany(Flux.defer(() -> work.apply(this.database)))
			.as(this.transactions::transactional);
	}

	/**
	 * Claims queued work across tenants with {@code claim} (a directory function), then
	 * enters the tenant of what it claimed and runs {@code work}, all in one transaction:
	 * the claim's locks hold until the work commits, and a failure undoes both. Empty
	 * when nothing was claimed.
	 */
	public <C, T> Mono<T> claimThenInTenant(Function<DatabaseClient, Mono<C>> claim, Function<C, TenantId> tenantOf,
			BiFunction<DatabaseClient, C, Mono<T>> work) {
		return Mono.defer(() -> claim.apply(this.database))
			.flatMap((claimed) -> setCurrentTenant(tenantOf.apply(claimed))
				.then(Mono.defer(() -> work.apply(this.database, claimed))))
			.as(this.transactions::transactional);
	}

	/**
	 * Every tenant's id, for work that goes tenant by tenant (key rotation, retention),
	 * each part of it then inside that tenant's own transaction.
	 */
	public Flux<TenantId> allTenants() {
		return this.database.sql(TenantRows.ALL_TENANTS)
			.map((row) -> new TenantId(row.get("tenant_id", UUID.class)))
			.all();
	}

	/**
	 * Retention: runs {@code removeSome} in each tenant's own transaction, again while it
	 * removes a full {@code perStatement} (so no transaction grows with the backlog);
	 * answers how many rows were removed in all.
	 */
	public Mono<Long> removeInEachTenant(int perStatement,
			BiFunction<TenantId, DatabaseClient, Mono<Long>> removeSome) {
		return allTenants().concatMap((tenant) -> {
			Mono<Long> once = inTenant(tenant, (db) -> removeSome.apply(tenant, db));
			return once.expand((removed) -> (removed == perStatement) ? once : Mono.empty());
		}).reduce(0L, Long::sum);
	}

	/**
	 * Runs work for several tenants in one transaction (one commit for all): the current
	 * tenant is set to each in turn before its work, so row-level security checks every
	 * statement against its own tenant. Answers the results in the tenants' order once
	 * the transaction has committed; nothing is kept if any work fails.
	 */
	public <T> Mono<List<T>> inEachTenant(List<TenantId> tenants, BiFunction<TenantId, DatabaseClient, Mono<T>> work) {
		return Flux.fromIterable(tenants)
			.concatMap((tenant) -> setCurrentTenant(tenant).then(Mono.defer(() -> work.apply(tenant, this.database))))
			.collectList()
			.as(this.transactions::transactional);
	}

	private Mono<Void> setCurrentTenant(TenantId tenant) {
		return this.database.sql(TenantRows.SET_CURRENT_TENANT)
			.bind("tenant", tenant.value().toString())
			.fetch()
			.rowsUpdated()
			.then();
	}

}
