package io.baton.sandbox.faults;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Graph answers with {@code kind} for one app or one page.
 *
 * @param id the fault's id
 * @param appId the app it concerns, or {@code null}
 * @param pageId the page it concerns, or {@code null}
 * @param kind {@code server_error}, {@code rate_limit} or {@code invalid_token}
 * @param remainingCalls how many more calls it answers; {@code null}: any number
 * @param until when it stops; {@code null}: when removed
 * @param active whether it still answers
 */
public record GraphFault(long id, @Nullable String appId, @Nullable String pageId, String kind,
		@Nullable Integer remainingCalls, @Nullable OffsetDateTime until, boolean active) {

	public static final List<String> KINDS = List.of("server_error", "rate_limit", "invalid_token");

}
