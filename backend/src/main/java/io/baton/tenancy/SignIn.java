package io.baton.tenancy;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Turns an identity proven by the login provider into a Baton user: the first sign-in
 * creates the user, later ones refresh the name.
 */
@Service
public class SignIn {

	private final DatabaseClient database;

	private final ObjectProvider<NewcomerWelcome> welcomes;

	SignIn(DatabaseClient database, ObjectProvider<NewcomerWelcome> welcomes) {
		this.database = database;
		this.welcomes = welcomes;
	}

	public Mono<SignedInUser> signIn(String provider, String subject, String name) {
		return upsertUser(provider, subject, name).flatMap(this::welcomeNewcomer);
	}

	private Mono<UpsertedUser> upsertUser(String provider, String subject, String name) {
		return this.database.sql(TenantRows.UPSERT_USER)
			.bind("id", UUID.randomUUID())
			.bind("provider", provider)
			.bind("subject", subject)
			.bind("name", name)
			.map((row) -> new UpsertedUser(
					new SignedInUser(new UserId(row.get("id", UUID.class)), row.get("name", String.class)),
					Boolean.TRUE.equals(row.get("created", Boolean.class))))
			.one();
	}

	private Mono<SignedInUser> welcomeNewcomer(UpsertedUser upserted) {
		if (!upserted.created()) {
			return Mono.just(upserted.user());
		}
		return Flux.fromStream(this.welcomes::orderedStream)
			.concatMap((welcome) -> welcome.welcome(upserted.user()))
			.then(Mono.just(upserted.user()));
	}

	private record UpsertedUser(SignedInUser user, boolean created) {
	}

}
