package io.baton.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.graph.Psid;

/**
 * A filter over the delivery log, read newest first one page at a time.
 *
 * @param app the app, or null for all the tenant's apps
 * @param page the page, or null
 * @param psid the person's page-scoped id, or null
 * @param mid a message id, or null
 * @param status the status, or null for all
 * @param from earliest time queued, inclusive
 * @param until latest time queued, exclusive
 * @param before only deliveries older than this id (the next page)
 * @param limit at most this many (1 to 200)
 */
public record DeliveryQuery(@Nullable AppId app, @Nullable PageId page, @Nullable Psid psid, @Nullable String mid,
		@Nullable DeliveryStatus status, @Nullable Instant from, @Nullable Instant until, @Nullable Long before,
		int limit) {

	public static final int PAGE_SIZE = 50;

	public DeliveryQuery {
		limit = Math.max(1, Math.min(200, limit));
	}

	public static DeliveryQuery ofApp(AppId app) {
		return new DeliveryQuery(app, null, null, null, null, null, null, null, PAGE_SIZE);
	}

}
