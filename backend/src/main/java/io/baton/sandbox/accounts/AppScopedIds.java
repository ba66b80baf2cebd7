package io.baton.sandbox.accounts;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * App-scoped user ids (ASIDs): one per app and person, stable, and different from the
 * person's id and from their id in any other app.
 */
@Component
@ConditionalOnSandbox
public class AppScopedIds {

	private final DatabaseClient database;

	AppScopedIds(DatabaseClient database) {
		this.database = database;
	}

	/** The person's id in this app, allotted on first use. */
	public Mono<String> of(String appId, String userId) {
		return this.database.sql(AccountRows.APP_SCOPED_ID)

			.bind("app", appId)
			.bind("user", userId)
			.map((row) -> row.get("id", String.class))
			.one();
	}

}
