package io.baton.delivery.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.baton.delivery.DeliveryView;

/**
 * A delivery as the API answers it.
 *
 * @param payload the body POSTed to the bot, as text, tokens redacted; only when one
 * delivery is read
 * @param attempts every POST and the bot's answer, oldest first; only when one delivery
 * is read
 */
record DeliveryJson(long id, String appId, String pageId, @Nullable String psid, String field, String eventType,
		@Nullable String mid, @Nullable Instant eventAt, Instant receivedAt, Instant queuedAt, String status,
		int attemptCount, Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
		@Nullable Instant deliveredAt, @Nullable Long endToEndMs,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String payload,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<DeliveryView.Attempt> attempts) {

	static DeliveryJson summary(DeliveryView view) {
		return of(view, null, null);
	}

	static DeliveryJson detail(DeliveryView view) {
		return of(view, view.payload(), view.attempts());
	}

	private static DeliveryJson of(DeliveryView view, @Nullable String payload,
			@Nullable List<DeliveryView.Attempt> attempts) {
		return new DeliveryJson(view.id(), view.appId(), view.pageId(), view.psid(), view.field(), view.eventType(),
				view.mid(), view.eventAt(), view.receivedAt(), view.queuedAt(), view.status().value(),
				view.attemptCount(), view.nextAttemptAt(), view.lastStatus(), view.lastError(), view.deliveredAt(),
				view.endToEndMs(), payload, attempts);
	}

	/** One page of the log, newest first. */
	record Page(List<DeliveryJson> items, @Nullable Long next) {
	}

	/** How many dead letters went out again. */
	record Replayed(long replayed) {
	}

}
