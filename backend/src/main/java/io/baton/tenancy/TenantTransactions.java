package io.baton.tenancy;

import java.util.List;
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
		return this.database.sql("SELECT set_config('baton.tenant_id', :tenant, true)")
			.bind("tenant", tenant.value().toString())
			.fetch()
			.rowsUpdated()
			.then();
	}

}
