package io.baton.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.baton.graph.PageId;
import io.baton.graph.Psid;
import io.baton.platform.Digests;
import io.baton.platform.StorableText;

/**
 * Reads a stored batch into its events. Each event gets the body a bot receives for it
 * alone, shaped as Facebook shapes a batch ({@code {"object", "entry": [{"id", "time",
 * "messaging": [event]}]}}) and escaped as Facebook escapes (non-ASCII as
 * {@code \\uXXXX}).
 */
final class Batches {

	private static final JsonMapper JSON = FacebookEscapes.JSON;

	private static final List<String> FIELDS = List.of("messaging", "standby");

	private static final List<String> TYPES = List.of("message", "postback", "read", "delivery", "reaction", "optin",
			"referral", "account_linking", "pass_thread_control", "take_thread_control", "request_thread_control",
			"app_roles", "policy_enforcement", "game_play", "response_feedback");

	private Batches() {
	}

	/**
	 * The batch's Messenger events in order; entries of other kinds (feed changes) have
	 * none.
	 */
	static List<Event> events(byte[] body) {
		JsonNode batch = StorableText.inTree(JSON.readTree(body));
		String object = batch.path("object").asString("page");
		List<Event> events = new ArrayList<>();
		for (JsonNode entry : batch.path("entry")) {
			// Facebook's entries name a page by its numeric id; an entry that does not
			// names no page Baton could have connected, so it has nothing to route.
			PageId page = PageId.parse(entry.path("id").asString("")).orElse(null);
			long time = entry.path("time").asLong(0);
			for (String field : FIELDS) {
				for (JsonNode event : entry.path(field)) {
					if (event.isObject() && page != null) {
						events.add(event(object, page, time, field, event));
					}
				}
			}
		}
		return events;
	}

	private static Event event(String object, PageId page, long entryTime, String field, JsonNode event) {
		String pageId = page.value();
		String type = type(event);
		String sender = event.path("sender").path("id").asString(null);
		String recipient = event.path("recipient").path("id").asString(null);
		String psid = pageId.equals(sender) ? recipient : sender;
		long timestamp = event.path("timestamp").asLong(entryTime);
		String mid = mid(type, event);
		// An id that is no PSID (Facebook sends none such) leaves the event without a
		// person: it is still delivered, in the page's lane, and starts no contact.
		return new Event(page, field, type, Psid.parse(psid).orElse(null), mid, Instant.ofEpochMilli(timestamp),
				dedupeKey(field, pageId, psid, type, mid, event), event,
				payload(object, pageId, entryTime, field, event));
	}

	private static String type(JsonNode event) {
		for (String type : TYPES) {
			if (event.has(type)) {
				return ("message".equals(type) && event.path("message").path("is_echo").asBoolean(false)) ? "echo"
						: type;
			}
		}
		return "other";
	}

	private static @Nullable String mid(String type, JsonNode event) {
		JsonNode mid = switch (type) {
			case "message", "echo" -> event.path("message").path("mid");
			case "postback" -> event.path("postback").path("mid");
			case "reaction" -> event.path("reaction").path("mid");
			default -> event.path("mid");
		};
		return mid.isString() ? mid.asString() : null;
	}

	/**
	 * Facebook's own ids where an event has one (a message's or postback's mid, a read or
	 * delivery watermark); otherwise a digest of the event, which a retry repeats byte
	 * for byte.
	 */
	private static String dedupeKey(String field, String pageId, @Nullable String psid, String type,
			@Nullable String mid, JsonNode event) {
		if (mid != null && !"reaction".equals(type)) {
			return field + ":" + type + ":" + mid;
		}
		if ("read".equals(type) || "delivery".equals(type)) {
			JsonNode watermark = event.path(type).path("watermark");
			if (watermark.isNumber()) {
				return field + ":" + type + ":" + pageId + ":" + psid + ":" + watermark.asLong();
			}
		}
		return field + ":" + type + ":sha256:" + sha256(pageId + "\n" + JSON.writeValueAsString(event));
	}

	private static byte[] payload(String object, String pageId, long entryTime, String field, JsonNode event) {
		ObjectNode entry = JSON.createObjectNode().put("id", pageId).put("time", entryTime);
		entry.set(field, JSON.createArrayNode().add(event));
		ArrayNode entries = JSON.createArrayNode().add(entry);
		ObjectNode body = JSON.createObjectNode().put("object", object);
		body.set("entry", entries);
		return JSON.writeValueAsBytes(body);
	}

	private static String sha256(String text) {
		return HexFormat.of().formatHex(Digests.sha256(text));
	}

}
