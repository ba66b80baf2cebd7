package io.baton.botapi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.graph.Psid;

/**
 * A search of an app's outbound log, newest first; every filter optional.
 *
 * @param before the id of the last item of the previous page
 * @param limit how many at most
 */
public record OutboundQuery(AppId app, @Nullable PageId page, @Nullable Psid psid, @Nullable String status,
		@Nullable Long before, int limit) {

	public static final List<String> STATUSES = List.of("sent", "failed", "rate_limited");

	public OutboundQuery {
		if (status != null && !STATUSES.contains(status)) {
			throw new IllegalArgumentException("status is one of " + STATUSES);
		}
		if (limit < 1 || limit > 200) {
			throw new IllegalArgumentException("limit is 1 to 200");
		}
	}

}
