package io.baton.sandbox.demobot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A recorded request, as the page and the JSON API list it.
 *
 * @param seq its number; later requests have higher numbers
 * @param outcome {@code accepted}, {@code failed} or {@code refused}
 * @param signatureValid whether the signature matched
 * @param deliveryId Baton's delivery id
 * @param attempt Baton's attempt number
 * @param pageId the entry's page
 * @param psid the person
 * @param kind {@code messaging} or {@code standby}
 * @param eventType the event's field
 * @param mid the message id
 * @param text the text, if any
 * @param timestamp the event's timestamp
 * @param receivedAt when the demo bot received it
 * @param latencyMs {@code receivedAt - timestamp}, computed by the database
 * @param body the body as received (its first {@link DemoBotSettings#keptBody()}
 * characters)
 */
record Receipt(long seq, String outcome, boolean signatureValid, @Nullable String deliveryId, @Nullable Integer attempt,
		@Nullable String pageId, @Nullable String psid, @Nullable String kind, @Nullable String eventType,
		@Nullable String mid, @Nullable String text, @Nullable Instant timestamp, Instant receivedAt,
		@Nullable Long latencyMs, String body) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	/** When it was received, for people (UTC). */
	public String time() {
		return TIME.format(this.receivedAt);
	}

	Map<String, @Nullable Object> json() {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("seq", this.seq);
		json.put("received_at", this.receivedAt.toEpochMilli());
		json.put("outcome", this.outcome);
		json.put("signature_valid", this.signatureValid);
		json.put("delivery_id", this.deliveryId);
		json.put("attempt", this.attempt);
		json.put("page_id", this.pageId);
		json.put("psid", this.psid);
		json.put("kind", this.kind);
		json.put("event", this.eventType);
		json.put("mid", this.mid);
		json.put("text", this.text);
		json.put("timestamp", (this.timestamp != null) ? this.timestamp.toEpochMilli() : null);
		json.put("latency_ms", this.latencyMs);
		json.put("body", this.body);
		return json;
	}

}
