package io.baton.sandbox.messenger;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Page-scoped ids: a person gets one on each page they contact, different from their
 * PSIDs on other pages and from every app-scoped id.
 */
@Component
@ConditionalOnSandbox
public class Psids {

	private final DatabaseClient database;

	Psids(DatabaseClient database) {
		this.database = database;
	}

	/** The person's PSID on the page, created on first contact. */
	public Mono<String> of(String pageId, String userId) {
		return this.database.sql(MessengerRows.PSID)
			.bind("page", pageId)
			.bind("user", userId)
			.map((row) -> row.get("id", String.class))
			.one();
	}

	/** The person behind a PSID of this page; empty for other pages' PSIDs and ASIDs. */
	public Mono<String> personOn(String pageId, String psid) {
		return this.database.sql(MessengerRows.PERSON_ON_PAGE)
			.bind("page", pageId)
			.bind("psid", psid)
			.map((row) -> row.get("user_id", String.class))
			.one();
	}

	/** The page and person of a PSID. */
	public Mono<PageScopedId> find(String psid) {
		return this.database.sql(MessengerRows.FIND_PSID)
			.bind("psid", psid)
			.map((row) -> new PageScopedId(psid, row.get("page_id", String.class), row.get("user_id", String.class)))
			.one();
	}

	/**
	 * A PSID with its page and person.
	 *
	 * @param id the PSID
	 * @param pageId its page
	 * @param userId the person
	 */
	public record PageScopedId(String id, String pageId, String userId) {

	}

}
