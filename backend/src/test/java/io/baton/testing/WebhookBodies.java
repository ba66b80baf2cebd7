package io.baton.testing;

import java.util.List;
import java.util.UUID;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messenger webhook bodies as Facebook sends them, built with Jackson: a batch of one
 * page's entry, and the events in it (a person's text message, or any event whose part
 * the test adds to {@link #event}).
 */
public final class WebhookBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private WebhookBodies() {
	}

	/** A batch of one page's entry with the given events, as JSON text. */
	public static String batch(String pageId, JsonNode... events) {
		return batch(pageId, List.of(events));
	}

	public static String batch(String pageId, List<? extends JsonNode> events) {
		return JSON.writeValueAsString(batchOf(pageId, events));
	}

	/** The same batch written as Facebook writes it: beyond ASCII as escapes. */
	public static String escapedBatch(String pageId, List<? extends JsonNode> events) {
		return ESCAPING.writeValueAsString(batchOf(pageId, events));
	}

	/**
	 * An event from a person to the page at {@code timestamp}; the test adds its part
	 * ({@code message}, {@code read}, {@code optin}, …).
	 */
	public static ObjectNode event(String pageId, String psid, long timestamp) {
		ObjectNode event = JSON.createObjectNode();
		event.putObject("sender").put("id", psid);
		event.putObject("recipient").put("id", pageId);
		event.put("timestamp", timestamp);
		return event;
	}

	/** A person's text message, sent now. */
	public static ObjectNode message(String pageId, String psid, String mid, String text) {
		ObjectNode event = event(pageId, psid, System.currentTimeMillis());
		event.putObject("message").put("mid", mid).put("text", text);
		return event;
	}

	/** A text message with no sender, the least a batch of intake's holds. */
	public static ObjectNode bareMessage(String text) {
		ObjectNode event = JSON.createObjectNode();
		event.putObject("message").put("mid", UUID.randomUUID().toString()).put("text", text);
		return event;
	}

	private static ObjectNode batchOf(String pageId, List<? extends JsonNode> events) {
		ObjectNode batch = JSON.createObjectNode().put("object", "page");
		ObjectNode entry = batch.putArray("entry").addObject().put("id", pageId).put("time", 1700000000000L);
		ArrayNode messaging = entry.putArray("messaging");
		events.forEach(messaging::add);
		return batch;
	}

}
