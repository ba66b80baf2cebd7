package io.baton.sandbox.accounts;

import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** What each person answered to each app's permission requests. */
@Component
@ConditionalOnSandbox
public class Grants {

	private final DatabaseClient database;

	Grants(DatabaseClient database) {
		this.database = database;
	}

	/** Records answers; permissions not in {@code answers} keep their earlier status. */
	public Mono<Void> record(String appId, String userId, List<Permission> answers) {
		return Flux.fromIterable(answers).concatMap((answer) -> upsert(appId, userId, answer)).then();
	}

	public Flux<Permission> of(String appId, String userId) {
		return this.database.sql(AccountRows.GRANTS)
			.bind("app", appId)
			.bind("user", userId)
			.map((row) -> new Permission(row.get("permission", String.class), row.get("status", String.class)))
			.all();
	}

	private Mono<Void> upsert(String appId, String userId, Permission answer) {
		return this.database.sql(AccountRows.UPSERT_GRANT)

			.bind("app", appId)
			.bind("user", userId)
			.bind("permission", answer.permission())
			.bind("status", answer.status())
			.then();
	}

}
