package io.baton.sandbox.accounts;

import java.util.Arrays;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Readable;
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
		return this.database
			.sql("SELECT id, secret, name, redirect_uris, appsecret_proof_required FROM sandbox.apps WHERE id = :id")
			.bind("id", id)
			.map(SandboxApps::app)
			.one();
	}

	private static SandboxApp app(Readable row) {
		String[] redirectUris = row.get("redirect_uris", String[].class);
		return new SandboxApp(row.get("id", String.class), row.get("secret", String.class),
				row.get("name", String.class), (redirectUris != null) ? Arrays.asList(redirectUris) : List.of(),
				Boolean.TRUE.equals(row.get("appsecret_proof_required", Boolean.class)));
	}

}
