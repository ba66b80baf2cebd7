package io.baton.sandbox.messenger.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.ChatLog;
import io.baton.sandbox.messenger.notifications.Frequency;
import io.baton.sandbox.messenger.notifications.NotificationTokens;
import io.baton.sandbox.messenger.notifications.RecurringOptIn;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The person's answers to a page's notification requests: "Notify me" on a one-time
 * request, opting in to recurring notifications, stopping and resuming them.
 */
@Component
@ConditionalOnSandbox
class NotificationOptIns {

	static final String ONE_TIME = "one_time_notif_req";

	static final String RECURRING = "notification_messages";

	private final ChatLog chat;

	private final NotificationTokens tokens;

	private final PersonActions actions;

	NotificationOptIns(ChatLog chat, NotificationTokens tokens, PersonActions actions) {
		this.chat = chat;
		this.tokens = tokens;
		this.actions = actions;
	}

	/** "Notify me" on the page's one-time request {@code mid}: answers the token. */
	Mono<String> notifyMe(Person person, String mid) {
		return template(person, mid, ONE_TIME).flatMap((template) -> {
			String payload = template.path("payload").asString("");
			return this.tokens.issueOneTime(person.pageId(), person.psid(), payload).flatMap((token) -> {
				Map<String, Object> optin = new LinkedHashMap<>();
				optin.put("type", ONE_TIME);
				optin.put("payload", payload);
				optin.put("one_time_notif_token", token);
				return this.actions.optin(person, optin, true).thenReturn(token);
			});
		});
	}

	/** Opting in to the page's recurring notifications request {@code mid}. */
	Mono<String> optIn(Person person, String mid) {
		return template(person, mid, RECURRING).flatMap((template) -> {
			Frequency frequency = Frequency.parse(template.path("notification_messages_frequency").asString("DAILY"))
				.orElse(Frequency.DAILY);
			return this.tokens
				.optIn(person.pageId(), person.psid(), template.path("payload").asString(""),
						template.path("title").asString(""), frequency,
						template.path("notification_messages_timezone").asString("UTC"))
				.flatMap((optIn) -> this.actions.optin(person, event(optIn, null), true).thenReturn(optIn.token()));
		});
	}

	/** Stops ({@code true}) or resumes the topic of {@code token}. */
	Mono<String> setStopped(Person person, String token, boolean stopped) {
		return this.tokens.setStopped(person.pageId(), person.psid(), token, stopped)
			.switchIfEmpty(Mono.error(new SimulatorRefused("No such notification token in this conversation.")))
			.flatMap((optIn) -> this.actions
				.optin(person, event(optIn, stopped ? "STOP_NOTIFICATIONS" : "RESUME_NOTIFICATIONS"), false)
				.thenReturn(token));
	}

	private static Map<String, Object> event(RecurringOptIn optIn, @org.jspecify.annotations.Nullable String status) {
		Map<String, Object> optin = new LinkedHashMap<>();
		optin.put("type", RECURRING);
		optin.put("payload", optIn.payload());
		optin.put("title", optIn.title());
		optin.put("notification_messages_token", optIn.token());
		optin.put("notification_messages_frequency", optIn.frequency().name());
		optin.put("notification_messages_timezone", optIn.timezone());
		optin.put("token_expiry_timestamp", optIn.expiresAt().toInstant().toEpochMilli());
		optin.put("user_token_status", optIn.refreshed() ? "REFRESHED" : "NOT_REFRESHED");
		if (status != null) {
			optin.put("notification_messages_status", status);
		}
		return optin;
	}

	private Mono<JsonNode> template(Person person, String mid, String type) {
		return this.chat.find(person.pageId(), person.psid(), mid)
			.map((message) -> message.body().path("attachment").path("payload"))
			.filter((payload) -> type.equals(payload.path("template_type").asString("")))
			.switchIfEmpty(Mono.error(new SimulatorRefused("The page sent no " + type + " request with this mid.")));
	}

}
