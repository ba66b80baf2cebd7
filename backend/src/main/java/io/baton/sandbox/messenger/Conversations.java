package io.baton.sandbox.messenger;

import java.time.OffsetDateTime;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.webhooks.SandboxClock;
import io.r2dbc.spi.Readable;
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
		return this.database
			.sql("INSERT INTO sandbox.conversations (page_id, psid) VALUES (:page, :psid) ON CONFLICT DO NOTHING")
			.bind("page", pageId)
			.bind("psid", psid)
			.then()
			.then(find(pageId, psid));
	}

	Mono<Conversation> find(String pageId, String psid) {
		return this.database.sql("SELECT * FROM sandbox.conversations WHERE page_id = :page AND psid = :psid")
			.bind("page", pageId)
			.bind("psid", psid)
			.map(Conversations::conversation)
			.one();
	}

	/**
	 * The person acted: the window opens (again); a message also counts for HUMAN_AGENT.
	 */
	public Mono<Void> personActed(String pageId, String psid, boolean message) {
		OffsetDateTime now = this.clock.now();
		return this.database
			.sql("UPDATE sandbox.conversations SET last_interaction_at = :now"
					+ (message ? ", last_message_at = :now" : "") + " WHERE page_id = :page AND psid = :psid")
			.bind("now", now)
			.bind("page", pageId)
			.bind("psid", psid)
			.then();
	}

	/** Sets (or, with {@code null}, clears) the thread owner. */
	public Mono<Void> setOwner(String pageId, String psid, @Nullable String appId) {
		OffsetDateTime now = this.clock.now();
		return this.database
			.sql("UPDATE sandbox.conversations SET owner_app_id = :owner, owner_since = :now, owner_active_at = :now"
					+ " WHERE page_id = :page AND psid = :psid")
			.bind("owner", (appId != null) ? Parameter.from(appId) : Parameter.empty(String.class))
			.bind("now", now)
			.bind("page", pageId)
			.bind("psid", psid)
			.then();
	}

	/** The owner acted in the thread: its control does not lapse yet. */
	public Mono<Void> ownerActed(String pageId, String psid, String appId) {
		return this.database
			.sql("UPDATE sandbox.conversations SET owner_active_at = :now"
					+ " WHERE page_id = :page AND psid = :psid AND owner_app_id = :app")
			.bind("now", this.clock.now())
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("app", appId)
			.then();
	}

	private static Conversation conversation(Readable row) {
		return new Conversation(row.get("page_id", String.class), row.get("psid", String.class),
				row.get("last_interaction_at", OffsetDateTime.class), row.get("last_message_at", OffsetDateTime.class),
				row.get("owner_app_id", String.class), row.get("owner_active_at", OffsetDateTime.class));
	}

}
