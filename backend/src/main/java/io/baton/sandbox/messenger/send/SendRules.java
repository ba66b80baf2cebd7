package io.baton.sandbox.messenger.send;

import java.time.OffsetDateTime;
import java.util.Set;

import io.baton.sandbox.messenger.Conversation;
import io.baton.sandbox.messenger.MessengerErrors;
import io.baton.sandbox.messenger.MessengerSettings;

/**
 * The standard messaging policy: inside the 24-hour window anything goes; outside it only
 * a message tag, {@code HUMAN_AGENT} within 7 days of the person's last message.
 */
final class SendRules {

	static final Set<String> MESSAGING_TYPES = Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG");

	static final Set<String> TAGS = Set.of("CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE",
			"HUMAN_AGENT");

	static final String HUMAN_AGENT = "HUMAN_AGENT";

	private SendRules() {
	}

	/** Checks {@code messaging_type} and {@code tag} alone, before any lookup. */
	static void checkParameters(String messagingType, String tag) {
		if (!messagingType.isEmpty() && !MESSAGING_TYPES.contains(messagingType)) {
			throw MessengerErrors.invalidMessagingType();
		}
		if (!tag.isEmpty() && !TAGS.contains(tag)) {
			throw MessengerErrors.invalidTag();
		}
		if ("MESSAGE_TAG".equals(messagingType) && tag.isEmpty()) {
			throw MessengerErrors.invalidTag();
		}
	}

	/** May the page message the person now, under the standard policy? */
	static void checkWindow(Conversation conversation, String messagingType, String tag, OffsetDateTime now,
			MessengerSettings settings, boolean optInRequest) {
		if (conversation.windowOpen(now, settings.window())) {
			return;
		}
		if (optInRequest || !"MESSAGE_TAG".equals(messagingType)) {
			throw MessengerErrors.outsideWindow();
		}
		if (HUMAN_AGENT.equals(tag) && !conversation.messagedWithin(now, settings.humanAgentWindow())) {
			throw MessengerErrors.outsideWindow();
		}
	}

}
