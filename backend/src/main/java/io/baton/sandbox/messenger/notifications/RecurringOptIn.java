package io.baton.sandbox.messenger.notifications;

import java.time.OffsetDateTime;

/**
 * A person's opt-in to a page's recurring notifications on one topic.
 *
 * @param token the {@code notification_messages_token}
 * @param payload the page's topic data
 * @param title the opt-in message's title
 * @param frequency how often the page may send
 * @param timezone the person's time zone as the page asked
 * @param expiresAt when the token ends
 * @param refreshed whether it replaced an earlier token of the same topic
 */
public record RecurringOptIn(String token, String payload, String title, Frequency frequency, String timezone,
		OffsetDateTime expiresAt, boolean refreshed) {

}
