package io.baton.sandbox.accounts;

import java.util.Collection;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The pages a person chose, in the Login dialog, to grant an app: {@code /me/accounts}
 * lists them and {@code debug_token} names them as {@code target_ids}, while the person
 * still has a role on them.
 */
@Component
@ConditionalOnSandbox
public class PageGrants {

	private final DatabaseClient database;

	PageGrants(DatabaseClient database) {
		this.database = database;
	}

	/** The pages the person has a role on, which the dialog offers. */
	public Flux<SandboxPage> offerable(String userId) {
		return this.database.sql(AccountRows.OFFERABLE_PAGES)
			.bind("user", userId)
			.map((row) -> new SandboxPage(row.get("id", String.class), row.get("name", String.class),
					row.get("category", String.class)))
			.all();
	}

	/** The ids of the pages granted to the app that the person still has a role on. */
	public Flux<String> granted(String appId, String userId) {
		return this.database.sql(AccountRows.GRANTED_PAGES)
			.bind("app", appId)
			.bind("user", userId)
			.map((row) -> row.get("page_id", String.class))
			.all();
	}

	/** Whether the person ever chose pages for this app. */
	public Mono<Boolean> anyChosen(String appId, String userId) {
		return this.database.sql(AccountRows.ANY_PAGE_CHOSEN)
			.bind("app", appId)
			.bind("user", userId)
			.map((row) -> Boolean.TRUE.equals(row.get("any", Boolean.class)))
			.one();
	}

	/**
	 * The person's new choice: exactly these pages (those they have a role on) are
	 * granted to the app.
	 */
	public Mono<Void> choose(String appId, String userId, Collection<String> pageIds) {
		String[] chosen = List.copyOf(pageIds).toArray(String[]::new);
		return this.database.sql(AccountRows.DELETE_UNCHOSEN_PAGES)
			.bind("app", appId)
			.bind("user", userId)
			.bind("pages", chosen)
			.then()
			.then(this.database.sql(AccountRows.INSERT_CHOSEN_PAGES)

				.bind("app", appId)
				.bind("user", userId)
				.bind("pages", chosen)
				.then());
	}

}
