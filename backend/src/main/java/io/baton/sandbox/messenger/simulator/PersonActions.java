package io.baton.sandbox.messenger.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.ChatLog;
import io.baton.sandbox.messenger.Conversations;
import io.baton.sandbox.messenger.Mids;
import io.baton.sandbox.messenger.Psids;
import io.baton.sandbox.messenger.handover.ThreadControl;
import io.baton.sandbox.webhooks.Routing;
import io.baton.sandbox.webhooks.SandboxClock;
import io.baton.sandbox.webhooks.Webhooks;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What a person does in Messenger, each turned into the event Facebook sends the page's
 * apps (to the thread owner under {@code messaging}, to the others under
 * {@code standby}); messages, postbacks, reactions, referrals and opt-ins open the
 * 24-hour window.
 */
@Component
@ConditionalOnSandbox
class PersonActions {

	private final Psids psids;

	private final Conversations conversations;

	private final ThreadControl threads;

	private final ChatLog chat;

	private final Webhooks webhooks;

	private final SandboxClock clock;

	private final DatabaseClient database;

	PersonActions(Psids psids, Conversations conversations, ThreadControl threads, ChatLog chat, Webhooks webhooks,
			SandboxClock clock, DatabaseClient database) {
		this.database = database;
		this.psids = psids;
		this.conversations = conversations;
		this.threads = threads;
		this.chat = chat;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	/** The person on the page: their PSID (created on first contact) and the thread. */
	Mono<Person> person(String pageId, String userId) {
		return this.database.sql(SimulatorRows.PAGE_AND_PERSON_EXIST)
			.bind("page", pageId)
			.bind("user", userId)
			.map((row) -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
			.one()
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new SimulatorRefused("No such page or person.")))
			.then(this.psids.of(pageId, userId))
			.flatMap((psid) -> this.conversations.of(pageId, psid)
				.zipWith(this.threads.owner(pageId, psid))
				.map((found) -> new Person(pageId, psid, found.getT2(), found.getT1().lastInteractionAt() == null)));
	}

	/** A message: text, a quick reply's payload, attachments. Answers its mid. */
	Mono<String> message(Person person, @Nullable String text, @Nullable String quickReplyPayload,
			List<Map<String, Object>> attachments) {
		String mid = Mids.next();
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("mid", mid);
		if (text != null) {
			message.put("text", text);
		}
		if (quickReplyPayload != null) {
			message.put("quick_reply", Map.of("payload", quickReplyPayload));
		}
		if (!attachments.isEmpty()) {
			message.put("attachments", attachments);
		}
		return this.chat.record(mid, person.pageId(), person.psid(), false, null, message)
			.then(act(person, "messages", "message", message, true))
			.thenReturn(mid);
	}

	/**
	 * A tap on a postback button (or Get Started), with its referral on a first visit.
	 */
	Mono<String> postback(Person person, String title, String payload, @Nullable Map<String, Object> referral) {
		String mid = Mids.next();
		Map<String, Object> postback = new LinkedHashMap<>();
		postback.put("title", title);
		postback.put("payload", payload);
		postback.put("mid", mid);
		if (referral != null) {
			postback.put("referral", referral);
		}
		return this.chat
			.record(mid, person.pageId(), person.psid(), false, null, Map.of("text", title, "postback", payload))
			.then(act(person, "messaging_postbacks", "postback", postback, false))
			.thenReturn(mid);
	}

	/** Arriving through an m.me link with {@code ref} (or an ad, a chat plugin). */
	Mono<Void> referral(Person person, String ref, String source) {
		Map<String, Object> referral = referral(ref, source);
		return act(person, "messaging_referrals", "referral", referral, false);
	}

	static Map<String, Object> referral(String ref, String source) {
		Map<String, Object> referral = new LinkedHashMap<>();
		referral.put("ref", ref);
		referral.put("source", source);
		referral.put("type", "OPEN_THREAD");
		return referral;
	}

	/** An opt-in: Send to Messenger's {@code data-ref}, or a notification opt-in. */
	Mono<Void> optin(Person person, Map<String, Object> optin, boolean opensWindow) {
		return act(person, "messaging_optins", "optin", optin, false, opensWindow);
	}

	Mono<Void> reaction(Person person, String mid, String reaction, String emoji, boolean react) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reaction", reaction);
		body.put("emoji", emoji);
		body.put("action", react ? "react" : "unreact");
		body.put("mid", mid);
		return act(person, "message_reactions", "reaction", body, false);
	}

	Mono<Void> read(Person person) {
		return act(person, "message_reads", "read", Map.of("watermark", this.clock.instant().toEpochMilli()), false,
				false);
	}

	private Mono<Void> act(Person person, String field, String kind, Map<String, Object> body, boolean message) {
		return act(person, field, kind, body, message, true);
	}

	private Mono<Void> act(Person person, String field, String kind, Map<String, Object> body, boolean message,
			boolean opensWindow) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("sender", Map.of("id", person.psid()));
		event.put("recipient", Map.of("id", person.pageId()));
		event.put("timestamp", this.clock.instant().toEpochMilli());
		event.put(kind, body);
		Mono<Void> window = opensWindow ? this.conversations.personActed(person.pageId(), person.psid(), message)
				: Mono.empty();
		return window
			.then(this.webhooks.publish(person.pageId(), field, event, Routing.threadOwnedBy(person.owner().appId())));
	}

}
