package io.baton.secrets;

import reactor.core.publisher.Mono;

import io.baton.tenancy.TenantId;

/**
 * Values a module keeps sealed with {@link SecretBox}: key rotation asks each module to
 * seal again, with the current key, those of a tenant sealed with an older one.
 */
public interface Resealable {

	/** What the values are, as the rotation's report names them ("app secrets"). */
	String what();

	/** Re-seals the tenant's values sealed with an older key; answers how many. */
	Mono<Long> reseal(TenantId tenant);

}
