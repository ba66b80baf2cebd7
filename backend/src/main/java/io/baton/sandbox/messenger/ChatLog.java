package io.baton.sandbox.messenger;

import java.time.OffsetDateTime;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.webhooks.SandboxClock;
import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** What the page and the person said to each other, for the simulator's chat view. */
@Component
@ConditionalOnSandbox
public class ChatLog {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final DatabaseClient database;

	private final SandboxClock clock;

	ChatLog(DatabaseClient database, SandboxClock clock) {
		this.database = database;
		this.clock = clock;
	}

	public Mono<Void> record(String mid, String pageId, String psid, boolean fromPage, @Nullable String appId,
			Object body) {
		return this.database.sql(MessengerRows.INSERT_MESSAGE)
			.bind("mid", mid)
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("fromPage", fromPage)
			.bind("app", (appId != null) ? Parameter.from(appId) : Parameter.empty(String.class))
			.bind("body", Json.of(json.writeValueAsString(body)))
			.bind("at", this.clock.now())
			.then();
	}

	/** The conversation's last {@code limit} messages, oldest first. */
	public Flux<ChatMessage> of(String pageId, String psid, int limit) {
		return this.database.sql(MessengerRows.RECENT_MESSAGES)
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("limit", limit)
			.map((row) -> new ChatMessage(row.get("mid", String.class),
					Boolean.TRUE.equals(row.get("from_page", Boolean.class)), row.get("app_id", String.class),
					json.readTree(row.get("body", String.class)), row.get("sent_at", OffsetDateTime.class)))
			.all();
	}

	/** One message of the conversation, by its mid. */
	public Mono<ChatMessage> find(String pageId, String psid, String mid) {
		return this.database.sql(MessengerRows.FIND_MESSAGE)
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("mid", mid)
			.map((row) -> new ChatMessage(row.get("mid", String.class),
					Boolean.TRUE.equals(row.get("from_page", Boolean.class)), row.get("app_id", String.class),
					json.readTree(row.get("body", String.class)), row.get("sent_at", OffsetDateTime.class)))
			.one();
	}

	/**
	 * A message of the chat.
	 *
	 * @param mid its id
	 * @param fromPage sent by the page (through an app), else by the person
	 * @param appId the app that sent it for the page
	 * @param body the {@code message} object
	 * @param sentAt when
	 */
	public record ChatMessage(String mid, boolean fromPage, @Nullable String appId, JsonNode body,
			OffsetDateTime sentAt) {

		public Map<String, Object> json() {
			Map<String, Object> json = new java.util.LinkedHashMap<>();
			json.put("mid", this.mid);
			json.put("from", this.fromPage ? "page" : "person");
			json.put("app_id", this.appId);
			json.put("message", this.body);
			json.put("time", this.sentAt.toInstant().toString());
			return json;
		}

	}

}
