package io.baton.sandbox.accounts;

import java.util.Arrays;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The sandbox's Facebook apps. */
@Component
@ConditionalOnSandbox
public class SandboxApps {

	private static final String COLUMNS = "id, secret, name, redirect_uris, appsecret_proof_required, category, link";

	private final DatabaseClient database;

	SandboxApps(DatabaseClient database) {
		this.database = database;
	}

	public Mono<SandboxApp> find(String id) {
		return this.database.sql("SELECT " + COLUMNS + " FROM sandbox.apps WHERE id = :id")
			.bind("id", id)
			.map(SandboxApps::app)
			.one();
	}

	/** Every app, newest first (a bounded list for the console). */
	public Flux<SandboxApp> all() {
		return this.database.sql("SELECT " + COLUMNS + " FROM sandbox.apps ORDER BY created_at DESC, id LIMIT 500")
			.map(SandboxApps::app)
			.all();
	}

	/** Registers an app; empty when the id is taken. */
	public Mono<SandboxApp> create(SandboxApp app) {
		return this.database
			.sql("INSERT INTO sandbox.apps (id, secret, name, redirect_uris, appsecret_proof_required, category, link)"
					+ " VALUES (:id, :secret, :name, :redirectUris, :proof, :category, :link)"
					+ " ON CONFLICT (id) DO NOTHING RETURNING " + COLUMNS)
			.bind("id", app.id())
			.bind("secret", app.secret())
			.bind("name", app.name())
			.bind("redirectUris", app.redirectUris().toArray(String[]::new))
			.bind("proof", app.appsecretProofRequired())
			.bind("category", io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR, app.category()))
			.bind("link", io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR, app.link()))
			.map(SandboxApps::app)
			.one();
	}

	private static SandboxApp app(Readable row) {
		String[] redirectUris = row.get("redirect_uris", String[].class);
		return new SandboxApp(row.get("id", String.class), row.get("secret", String.class),
				row.get("name", String.class), (redirectUris != null) ? Arrays.asList(redirectUris) : List.of(),
				Boolean.TRUE.equals(row.get("appsecret_proof_required", Boolean.class)),
				row.get("category", String.class), row.get("link", String.class));
	}

}
