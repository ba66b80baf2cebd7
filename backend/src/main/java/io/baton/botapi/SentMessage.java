package io.baton.botapi;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One message (or sender action) a bot sent through the bot API, with Graph's answer.
 *
 * @param kind {@code message} or {@code sender_action}
 * @param messageId Graph's {@code message_id}, when it sent one
 * @param status {@code sent}, {@code failed} or {@code rate_limited}
 * @param httpStatus the HTTP status Graph answered (and the bot got)
 * @param error Graph's error message, empty when sent
 * @param attempts how many times Baton called Graph (more than one after rate limits)
 */
public record SentMessage(long id, String appId, String pageId, String psid, String keyPrefix, String kind,
		@Nullable String messageId, String status, int httpStatus, @Nullable Integer errorCode,
		@Nullable Integer errorSubcode, String error, int attempts, int durationMs, Instant at) {
}
