package io.baton.sandbox.messenger.send;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.baton.sandbox.messenger.MessengerErrors;
import tools.jackson.databind.JsonNode;

/**
 * A page's {@code message}, validated: text (at most 2,000 characters) or an attachment,
 * optional quick replies and metadata.
 *
 * @param message the message as the app sent it
 */
record OutgoingMessage(JsonNode message) {

	static final int MAX_TEXT = 2000;

	static final int MAX_QUICK_REPLIES = 13;

	static final int MAX_OTN_TITLE = 65;

	private static final Set<String> ATTACHMENT_TYPES = Set.of("image", "audio", "video", "file", "template");

	static OutgoingMessage of(JsonNode message) {
		if (!message.isObject()) {
			throw MessengerErrors.emptyMessage();
		}
		JsonNode text = message.path("text");
		JsonNode attachment = message.path("attachment");
		boolean hasText = text.isString() && !text.asString().isBlank();
		if (!hasText && !attachment.isObject()) {
			throw MessengerErrors.emptyMessage();
		}
		if (hasText && text.asString().length() > MAX_TEXT) {
			throw MessengerErrors.textTooLong();
		}
		if (attachment.isObject() && !ATTACHMENT_TYPES.contains(attachment.path("type").asString(""))) {
			throw MessengerErrors.invalidParameter("message[attachment][type]");
		}
		if (attachment.path("payload").path("template_type").asString("").equals("one_time_notif_req")
				&& attachment.path("payload").path("title").asString("").length() > MAX_OTN_TITLE) {
			throw MessengerErrors.invalidParameter("title must be at most 65 characters");
		}
		JsonNode quickReplies = message.path("quick_replies");
		if (!quickReplies.isMissingNode() && (!quickReplies.isArray() || quickReplies.size() > MAX_QUICK_REPLIES)) {
			throw MessengerErrors.invalidParameter("message[quick_replies]");
		}
		return new OutgoingMessage(message);
	}

	/** The template type of a template attachment, or an empty string. */
	String templateType() {
		JsonNode attachment = this.message.path("attachment");
		return "template".equals(attachment.path("type").asString(""))
				? attachment.path("payload").path("template_type").asString("") : "";
	}

	boolean asksForNotifications() {
		return "one_time_notif_req".equals(templateType()) || "notification_messages".equals(templateType());
	}

	/** The {@code message} of the echo Facebook sends back to the page's apps. */
	Map<String, Object> echo(String mid, String appId) {
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("is_echo", true);
		echo.put("app_id", Long.parseLong(appId));
		if (this.message.path("metadata").isString()) {
			echo.put("metadata", this.message.path("metadata").asString());
		}
		echo.put("mid", mid);
		if (this.message.path("text").isString()) {
			echo.put("text", this.message.path("text").asString());
		}
		if (this.message.path("attachment").isObject()) {
			echo.put("attachments", List.of(this.message.path("attachment")));
		}
		if (this.message.path("quick_replies").isArray()) {
			echo.put("quick_replies", this.message.path("quick_replies"));
		}
		return echo;
	}

}
