package io.baton.sandbox.messenger.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.ChatLog;
import io.baton.sandbox.messenger.ChatLog.ChatMessage;
import io.baton.sandbox.messenger.Conversations;
import io.baton.sandbox.messenger.MessengerSettings;
import io.baton.sandbox.webhooks.SandboxClock;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** A conversation as the simulator shows it: messages, thread owner, window. */
@Component
@ConditionalOnSandbox
class ChatView {

	static final int SHOWN = 100;

	private final PersonActions actions;

	private final ChatLog chat;

	private final Conversations conversations;

	private final SandboxClock clock;

	private final MessengerSettings settings;

	ChatView(PersonActions actions, ChatLog chat, Conversations conversations, SandboxClock clock,
			MessengerSettings settings) {
		this.actions = actions;
		this.chat = chat;
		this.conversations = conversations;
		this.clock = clock;
		this.settings = settings;
	}

	Mono<Chat> of(String pageId, String userId) {
		return this.actions.person(pageId, userId)
			.flatMap((person) -> Mono
				.zip(this.conversations.of(pageId, person.psid()),
						this.chat.of(pageId, person.psid(), SHOWN).collectList())
				.map((found) -> new Chat(person.psid(), person.owner().appId(),
						found.getT1().windowOpen(this.clock.now(), this.settings.window()), found.getT2())));
	}

	/**
	 * A conversation for display.
	 *
	 * @param psid the person's PSID
	 * @param threadOwner the owning app, or {@code null}
	 * @param windowOpen whether the page may answer without a tag
	 * @param messages oldest first
	 */
	record Chat(String psid, @org.jspecify.annotations.Nullable String threadOwner, boolean windowOpen,
			List<ChatMessage> messages) {

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("psid", this.psid);
			json.put("thread_owner", this.threadOwner);
			json.put("window_open", this.windowOpen);
			json.put("messages", this.messages.stream().map(ChatMessage::json).toList());
			return json;
		}

	}

}
