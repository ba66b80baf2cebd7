package io.baton.sandbox.messenger.send;

import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.ChatLog;
import io.baton.sandbox.messenger.Conversation;
import io.baton.sandbox.messenger.Conversations;
import io.baton.sandbox.messenger.MessengerCall;
import io.baton.sandbox.messenger.MessengerErrors;
import io.baton.sandbox.messenger.MessengerSettings;
import io.baton.sandbox.messenger.Mids;
import io.baton.sandbox.messenger.PageCaller;
import io.baton.sandbox.messenger.PageCallers;
import io.baton.sandbox.messenger.Psids;
import io.baton.sandbox.messenger.handover.ThreadControl;
import io.baton.sandbox.messenger.notifications.NotificationTokens;
import io.baton.sandbox.webhooks.Routing;
import io.baton.sandbox.webhooks.SandboxClock;
import io.baton.sandbox.webhooks.Webhooks;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /me/messages} (or {@code /{page-id}/messages}): a message or a sender
 * action to a person, by PSID or notification token, under Messenger's rules; the message
 * is kept for the chat view and echoed to the page's apps.
 */
@RestController
@ConditionalOnSandbox
class SendApi {

	private static final String MESSAGES = "/sandbox/graph/{version:v\\d+\\.\\d+}/{node:me|\\d+}/messages";

	private final PageCallers callers;

	private final Psids psids;

	private final Conversations conversations;

	private final ThreadControl threads;

	private final NotificationTokens notifications;

	private final ChatLog chat;

	private final Webhooks webhooks;

	private final SandboxClock clock;

	private final MessengerSettings settings;

	private final DatabaseClient database;

	SendApi(PageCallers callers, Psids psids, Conversations conversations, ThreadControl threads,
			NotificationTokens notifications, ChatLog chat, Webhooks webhooks, SandboxClock clock,
			MessengerSettings settings, DatabaseClient database) {
		this.callers = callers;
		this.psids = psids;
		this.conversations = conversations;
		this.threads = threads;
		this.notifications = notifications;
		this.chat = chat;
		this.webhooks = webhooks;
		this.clock = clock;
		this.settings = settings;
		this.database = database;
	}

	@PostMapping(MESSAGES)
	Mono<Map<String, Object>> send(@PathVariable String node, ServerWebExchange exchange) {
		return MessengerCall.of(exchange)
			.flatMap((call) -> this.callers.check(call, "me".equals(node) ? null : node)
				.flatMap((caller) -> send(caller, call)));
	}

	private Mono<Map<String, Object>> send(PageCaller caller, MessengerCall call) {
		JsonNode recipient = call.node("recipient");
		if (!recipient.isObject() || recipient.isEmpty()) {
			return Mono.error(MessengerErrors.missingParameter("recipient"));
		}
		String senderAction = call.text("sender_action");
		JsonNode message = call.node("message");
		if (senderAction.isEmpty() && message.isMissingNode()) {
			return Mono.error(MessengerErrors.emptyMessage());
		}
		String messagingType = call.text("messaging_type");
		String tag = call.text("tag");
		SendRules.checkParameters(messagingType, tag);
		if (!senderAction.isEmpty() && !senderAction.matches("typing_on|typing_off|mark_seen")) {
			return Mono.error(MessengerErrors.invalidParameter("sender_action"));
		}
		OutgoingMessage outgoing = senderAction.isEmpty() ? OutgoingMessage.of(message) : null;
		return recipient(caller, recipient).flatMap((target) -> this.conversations.of(caller.pageId(), target.psid())
			.flatMap((conversation) -> checkAndDeliver(caller, target, conversation, messagingType, tag, outgoing)));
	}

	private Mono<Map<String, Object>> checkAndDeliver(PageCaller caller, Target target, Conversation conversation,
			String messagingType, String tag, @Nullable OutgoingMessage outgoing) {
		return this.threads.owner(caller.pageId(), target.psid()).flatMap((owner) -> {
			if (!owner.allows(caller.appId())) {
				return Mono.error(MessengerErrors.anotherAppControls());
			}
			boolean optInRequest = outgoing != null && outgoing.asksForNotifications();
			if (!target.byToken() || optInRequest) {
				SendRules.checkWindow(conversation, messagingType, tag, this.clock.now(), this.settings, optInRequest);
			}
			Mono<Void> allowed = (outgoing != null && outgoing.asksForNotifications())
					? requirePermission(caller.pageId(), outgoing.templateType()) : Mono.empty();
			return allowed.then(this.conversations.ownerActed(caller.pageId(), target.psid(), caller.appId()))
				.then((outgoing != null) ? deliver(caller, target.psid(), outgoing, owner.appId())
						: Mono.just(Map.of("recipient_id", target.psid())));
		});
	}

	private Mono<Map<String, Object>> deliver(PageCaller caller, String psid, OutgoingMessage outgoing,
			@Nullable String owner) {
		String mid = Mids.next();
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("recipient_id", psid);
		response.put("message_id", mid);
		return this.chat.record(mid, caller.pageId(), psid, true, caller.appId(), outgoing.message())
			.then(this.webhooks.publish(caller.pageId(), "message_echoes",
					event(caller.pageId(), psid, "message", outgoing.echo(mid, caller.appId())),
					Routing.threadOwnedBy(owner)))
			.then(this.webhooks.publish(caller.pageId(), "message_deliveries",
					event(psid, caller.pageId(), "delivery", delivery(mid)), Routing.threadOwnedBy(owner)))
			.thenReturn(response);
	}

	private Map<String, Object> delivery(String mid) {
		Map<String, Object> delivery = new LinkedHashMap<>();
		delivery.put("mids", java.util.List.of(mid));
		delivery.put("watermark", this.clock.instant().toEpochMilli());
		return delivery;
	}

	private Map<String, Object> event(String sender, String recipient, String kind, Object body) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("sender", Map.of("id", sender));
		event.put("recipient", Map.of("id", recipient));
		event.put("timestamp", this.clock.instant().toEpochMilli());
		event.put(kind, body);
		return event;
	}

	private Mono<Target> recipient(PageCaller caller, JsonNode recipient) {
		String id = recipient.path("id").asString("").strip();
		if (!id.isEmpty()) {
			return this.psids.personOn(caller.pageId(), id)
				.map((user) -> new Target(id, false))
				.switchIfEmpty(Mono.error(MessengerErrors::noMatchingUser));
		}
		String oneTime = recipient.path("one_time_notif_token").asString("").strip();
		if (!oneTime.isEmpty()) {
			return this.notifications.spendOneTime(caller.pageId(), oneTime).map((psid) -> new Target(psid, true));
		}
		String recurring = recipient.path("notification_messages_token").asString("").strip();
		if (!recurring.isEmpty()) {
			return this.notifications.spendRecurring(caller.pageId(), recurring).map((psid) -> new Target(psid, true));
		}
		if (recipient.has("user_ref") || recipient.has("phone_number")) {
			return Mono.error(MessengerErrors.noMatchingUser());
		}
		return Mono.error(MessengerErrors.missingParameter("recipient"));
	}

	/** Page Settings → Advanced Messaging: one-time or recurring notifications on. */
	private Mono<Void> requirePermission(String pageId, String templateType) {
		boolean oneTime = "one_time_notif_req".equals(templateType);
		return this.database.sql(SendRows.NOTIFICATIONS_ENABLED)
			.bind("page", pageId)
			.map((row) -> Boolean.TRUE.equals(row.get(oneTime ? "otn_enabled" : "recurring_enabled", Boolean.class)))
			.one()
			.filter(Boolean::booleanValue)
			.switchIfEmpty(
					Mono.error(() -> oneTime ? MessengerErrors.otnNotEnabled() : MessengerErrors.recurringNotEnabled()))
			.then();
	}

	/**
	 * Whom the message goes to.
	 *
	 * @param psid the person's PSID
	 * @param byToken addressed with a notification token (no window, no tag)
	 */
	private record Target(String psid, boolean byToken) {

	}

}
