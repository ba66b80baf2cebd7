package io.baton.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A filter over the delivery log, read newest first one page at a time.
 *
 * @param appId the app, or null for all the tenant's apps
 * @param pageId the page, or null
 * @param psid the person's page-scoped id, or null
 * @param mid a message id, or null
 * @param status the status, or null for all
 * @param from earliest time queued, inclusive
 * @param until latest time queued, exclusive
 * @param before only deliveries older than this id (the next page)
 * @param limit at most this many (1 to 200)
 */
public record DeliveryQuery(@Nullable String appId, @Nullable String pageId, @Nullable String psid,
		@Nullable String mid, @Nullable DeliveryStatus status, @Nullable Instant from, @Nullable Instant until,
		@Nullable Long before, int limit) {

	public static final int PAGE_SIZE = 50;

	public DeliveryQuery {
		limit = Math.max(1, Math.min(200, limit));
	}

	public static DeliveryQuery ofApp(String appId) {
		return new DeliveryQuery(appId, null, null, null, null, null, null, null, PAGE_SIZE);
	}

}
