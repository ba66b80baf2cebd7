package io.baton.sandbox.messenger.simulator;

import java.util.ArrayList;
import java.util.List;

import io.baton.sandbox.messenger.ChatLog.ChatMessage;
import tools.jackson.databind.JsonNode;

/**
 * One message of the chat view, flattened for the template: its text, image, template
 * title, and what the person can tap (quick replies, postback and URL buttons, "Notify
 * me", recurring opt-in).
 *
 * @param mid the message id
 * @param fromPage whether the page sent it
 * @param appId the app that sent it for the page
 * @param text its text, or a description of what it is
 * @param imageUrl an image's URL, or an empty string
 * @param templateType the template's type, or an empty string
 * @param title the template's (or first element's) title
 * @param quickReplies quick replies offered
 * @param buttons buttons of the template
 * @param time when it was sent
 */
record Bubble(String mid, boolean fromPage, String appId, String text, String imageUrl, String templateType,
		String title, List<Choice> quickReplies, List<Choice> buttons, String time) {

	static Bubble of(ChatMessage message) {
		JsonNode body = message.body();
		JsonNode attachment = body.path("attachment");
		JsonNode payload = attachment.path("payload");
		String text = body.path("text").asString("");
		String image = "";
		if (body.path("attachments").isArray() && body.path("attachments").size() > 0) {
			JsonNode first = body.path("attachments").get(0);
			image = first.path("payload").path("url").asString("");
			if ("location".equals(first.path("type").asString(""))) {
				JsonNode coordinates = first.path("payload").path("coordinates");
				text = text + " 📍 " + coordinates.path("lat").asString("") + ", "
						+ coordinates.path("long").asString("");
			}
		}
		if ("image".equals(attachment.path("type").asString(""))) {
			image = payload.path("url").asString("");
		}
		String templateType = payload.path("template_type").asString("");
		String title = payload.path("title").asString(payload.path("text").asString(""));
		List<Choice> buttons = new ArrayList<>();
		payload.path("buttons").forEach((button) -> buttons.add(Choice.of(button)));
		payload.path("elements").forEach((element) -> {
			if (title.isEmpty()) {
				buttons.add(new Choice(element.path("title").asString(""), "label", ""));
			}
			element.path("buttons").forEach((button) -> buttons.add(Choice.of(button)));
		});
		List<Choice> quickReplies = new ArrayList<>();
		body.path("quick_replies")
			.forEach((reply) -> quickReplies.add(new Choice(reply.path("title").asString(""),
					reply.path("content_type").asString("text"), reply.path("payload").asString(""))));
		String appId = (message.appId() != null) ? message.appId() : "";
		return new Bubble(message.mid(), message.fromPage(), appId, text, image, templateType, title, quickReplies,
				buttons, message.sentAt().toInstant().toString());
	}

	public boolean asksOneTime() {
		return NotificationOptIns.ONE_TIME.equals(this.templateType);
	}

	public boolean asksRecurring() {
		return NotificationOptIns.RECURRING.equals(this.templateType);
	}

	/**
	 * Something to tap.
	 *
	 * @param title what it says
	 * @param type {@code postback}, {@code web_url}, {@code text} (quick reply), …
	 * @param value its payload or URL
	 */
	record Choice(String title, String type, String value) {

		static Choice of(JsonNode button) {
			String type = button.path("type").asString("postback");
			String value = "web_url".equals(type) ? button.path("url").asString("")
					: button.path("payload").asString("");
			return new Choice(button.path("title").asString(""), type, value);
		}

		public boolean postback() {
			return "postback".equals(this.type);
		}

		public boolean link() {
			return "web_url".equals(this.type);
		}

	}

}
