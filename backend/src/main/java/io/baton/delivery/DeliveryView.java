package io.baton.delivery;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One delivery as the log shows it.
 *
 * @param id the id the bot sees in {@code X-Baton-Delivery}
 * @param payload the body POSTed (tokens redacted), filled only when one delivery is read
 * @param attempts every POST and the bot's answer, oldest first, filled only when one
 * delivery is read
 */
public record DeliveryView(long id, String appId, String pageId, @Nullable String psid, String field, String eventType,
		@Nullable String mid, @Nullable Instant eventAt, Instant receivedAt, Instant queuedAt, DeliveryStatus status,
		int attemptCount, Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
		@Nullable Instant deliveredAt, @Nullable String payload, List<Attempt> attempts) {

	/** Milliseconds from intake to the bot's 2xx, when delivered. */
	public @Nullable Long endToEndMs() {
		return (this.deliveredAt != null) ? this.deliveredAt.toEpochMilli() - this.receivedAt.toEpochMilli() : null;
	}

	/** The same delivery with its attempts. */
	DeliveryView withAttempts(List<Attempt> attempts) {
		return new DeliveryView(this.id, this.appId, this.pageId, this.psid, this.field, this.eventType, this.mid,
				this.eventAt, this.receivedAt, this.queuedAt, this.status, this.attemptCount, this.nextAttemptAt,
				this.lastStatus, this.lastError, this.deliveredAt, this.payload, attempts);
	}

	/** One POST to the bot. */
	public record Attempt(int attempt, Instant at, String endpoint, int durationMs, @Nullable Integer status,
			String outcome, String error, String responseBody) {
	}

}
