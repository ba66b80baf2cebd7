package io.baton.sandbox.messenger;

import java.time.OffsetDateTime;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.webhooks.SandboxClock;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** Conversations: their window and their thread owner. */
@Component
@ConditionalOnSandbox
public class Conversations {

	private final DatabaseClient database;

	private final SandboxClock clock;

	Conversations(DatabaseClient database, SandboxClock clock) {
		this.database = database;
		this.clock = clock;
	}

	/** The conversation, created (window closed, no owner) when new. */
	public Mono<Conversation> of(String pageId, String psid) {
		return this.database.sql(MessengerRows.INSERT_CONVERSATION)
			.bind("page", pageId)
			.bind("psid", psid)
			.then()
			.then(find(pageId, psid));
	}

	Mono<Conversation> find(String pageId, String psid) {
		return this.database.sql(MessengerRows.FIND_CONVERSATION)
			.bind("page", pageId)
			.bind("psid", psid)
			.map(MessengerRows::conversation)
			.one();
	}

	/**
	 * The person acted: the window opens (again); a message also counts for HUMAN_AGENT.
	 */
	public Mono<Void> personActed(String pageId, String psid, boolean message) {
		OffsetDateTime now = this.clock.now();
		return this.database.sql(message ? MessengerRows.PERSON_MESSAGED : MessengerRows.PERSON_ACTED)
			.bind("now", now)
			.bind("page", pageId)
			.bind("psid", psid)
			.then();
	}

	/** Sets (or, with {@code null}, clears) the thread owner. */
	public Mono<Void> setOwner(String pageId, String psid, @Nullable String appId) {
		OffsetDateTime now = this.clock.now();
		return this.database.sql(MessengerRows.SET_OWNER)
			.bind("owner", (appId != null) ? Parameter.from(appId) : Parameter.empty(String.class))
			.bind("now", now)
			.bind("page", pageId)
			.bind("psid", psid)
			.then();
	}

	/** The owner acted in the thread: its control does not lapse yet. */
	public Mono<Void> ownerActed(String pageId, String psid, String appId) {
		return this.database.sql(MessengerRows.OWNER_ACTED)
			.bind("now", this.clock.now())
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("app", appId)
			.then();
	}

}
