package io.baton.tenancy;

import reactor.core.publisher.Mono;

/**
 * What another module undoes outside Baton before a tenant is deleted with all its rows,
 * such as its apps' subscriptions at Facebook. A failure stops the deletion.
 */
public interface BeforeTenantDeletion {

	Mono<Void> prepare(CurrentTenant tenant);

}
