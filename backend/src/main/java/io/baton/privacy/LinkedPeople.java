package io.baton.privacy;

import reactor.core.publisher.Flux;

import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Finds the people of a tenant's pages by the SHA-256 of the account they linked (the id
 * itself is not kept past the request).
 */
public interface LinkedPeople {

	Flux<Person> linkedTo(DatabaseClient db, TenantId tenant, byte[] accountDigest);

}
