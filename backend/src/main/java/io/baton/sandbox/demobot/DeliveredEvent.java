package io.baton.sandbox.demobot;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event a bot request carried: Baton sends one per request, as
 * {@code {"object":"page","entry":[{"id","time","messaging":[event]}]}} ({@code standby}
 * instead of {@code messaging} for standby events). Of a batch with several, this is the
 * first.
 *
 * @param pageId the entry's page
 * @param psid the person (the recipient of an echo), if the event has one
 * @param kind {@code messaging} or {@code standby}
 * @param type the event's field: {@code message}, {@code echo}, {@code postback},
 * {@code read}, {@code pass_thread_control}, …
 * @param mid the message id, if the event is about a message
 * @param text the message's text or the postback's title, if any
 * @param timestamp when the person acted, as the event says
 */
record DeliveredEvent(String pageId, @Nullable String psid, String kind, String type, @Nullable String mid,
		@Nullable String text, @Nullable Instant timestamp) {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Set<String> ENVELOPE = Set.of("sender", "recipient", "timestamp");

	/** The first event of a webhook batch; empty when the body is not one. */
	static Optional<DeliveredEvent> firstOf(byte[] body) {
		try {
			return Optional.ofNullable(json.readTree(body)).flatMap(DeliveredEvent::firstOf);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static Optional<DeliveredEvent> firstOf(JsonNode batch) {
		JsonNode entry = batch.path("entry").path(0);
		if (!"page".equals(string(batch.path("object"))) || !entry.isObject() || id(entry) == null) {
			return Optional.empty();
		}
		for (String kind : new String[] { "messaging", "standby" }) {
			JsonNode event = entry.path(kind).path(0);
			if (event.isObject()) {
				return Optional.of(event(entry.path("id").asString(), kind, event));
			}
		}
		return Optional.empty();
	}

	private static DeliveredEvent event(String pageId, String kind, JsonNode event) {
		String field = event.propertyNames().stream().filter((name) -> !ENVELOPE.contains(name)).findFirst().orElse("");
		boolean echo = event.path("message").path("is_echo").asBoolean(false);
		JsonNode person = echo ? event.path("recipient") : event.path("sender");
		JsonNode text = event.path("message").path("text").isString() ? event.path("message").path("text")
				: event.path("postback").path("title");
		return new DeliveredEvent(pageId, id(person), kind, echo ? "echo" : field,
				string(event.path(field).path("mid")), string(text), timestamp(event.path("timestamp")));
	}

	private static @Nullable String id(JsonNode node) {
		JsonNode id = node.path("id");
		return (id.isString() || id.isIntegralNumber()) ? id.asString() : null;
	}

	private static @Nullable String string(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static @Nullable Instant timestamp(JsonNode node) {
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			return null;
		}
		long ms = node.asLong();
		return (ms >= 0 && ms <= Receipts.LATEST_MS) ? Instant.ofEpochMilli(ms) : null;
	}

}
