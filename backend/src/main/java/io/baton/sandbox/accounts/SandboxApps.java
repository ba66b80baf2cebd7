package io.baton.sandbox.accounts;

import io.baton.sandbox.ConditionalOnSandbox;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The sandbox's Facebook apps. */
@Component
@ConditionalOnSandbox
public class SandboxApps {

	private final DatabaseClient database;

	SandboxApps(DatabaseClient database) {
		this.database = database;
	}

	public Mono<SandboxApp> find(String id) {
		return this.database.sql(AccountRows.FIND_APP).bind("id", id).map(AccountRows::app).one();
	}

	/** Every app, newest first (a bounded list for the console). */
	public Flux<SandboxApp> all() {
		return this.database.sql(AccountRows.APPS).map(AccountRows::app).all();
	}

	/** Registers an app; empty when the id is taken. */
	public Mono<SandboxApp> create(SandboxApp app) {
		return this.database.sql(AccountRows.INSERT_APP)
			.bind("id", app.id())
			.bind("secret", app.secret())
			.bind("name", app.name())
			.bind("redirectUris", app.redirectUris().toArray(String[]::new))
			.bind("proof", app.appsecretProofRequired())
			.bind("category", io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR, app.category()))
			.bind("link", io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR, app.link()))
			.map(AccountRows::app)
			.one();
	}

}
