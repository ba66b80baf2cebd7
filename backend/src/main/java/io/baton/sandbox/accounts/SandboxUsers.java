package io.baton.sandbox.accounts;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The people who can sign in to the sandbox's Facebook. */
@Component
@ConditionalOnSandbox
public class SandboxUsers {

	/** The dialog lists at most this many people to pick from. */
	static final int LISTED = 50;

	private final DatabaseClient database;

	SandboxUsers(DatabaseClient database) {
		this.database = database;
	}

	public Flux<SandboxUser> recent() {
		return this.database.sql(AccountRows.RECENT_USERS).bind("limit", LISTED).map(SandboxUsers::user).all();
	}

	/** Everyone, oldest first (a bounded list for the console). */
	public Flux<SandboxUser> all() {
		return this.database.sql(AccountRows.USERS).map(SandboxUsers::user).all();
	}

	public Mono<SandboxUser> find(String id) {
		return this.database.sql(AccountRows.FIND_USER).bind("id", id).map(SandboxUsers::user).one();
	}

	public Mono<SandboxUser> create(String name) {
		return this.database.sql(AccountRows.INSERT_USER)

			.bind("name", name.strip())
			.map(SandboxUsers::user)
			.one();
	}

	private static SandboxUser user(Readable row) {
		return new SandboxUser(row.get("id", String.class), row.get("name", String.class));
	}

}
