package io.baton.sandbox.messenger;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A page's conversation with one person.
 *
 * @param pageId the page
 * @param psid the person's PSID on it
 * @param lastInteractionAt the person's last message, postback, reaction, referral or
 * opt-in (opens the window)
 * @param lastMessageAt the person's last message
 * @param ownerAppId the explicit thread owner, {@code null} when idle
 * @param ownerActiveAt last activity of the explicit owner
 */
public record Conversation(String pageId, String psid, @Nullable OffsetDateTime lastInteractionAt,
		@Nullable OffsetDateTime lastMessageAt, @Nullable String ownerAppId, @Nullable OffsetDateTime ownerActiveAt) {

	public boolean windowOpen(OffsetDateTime now, Duration window) {
		return within(this.lastInteractionAt, now, window);
	}

	public boolean messagedWithin(OffsetDateTime now, Duration span) {
		return within(this.lastMessageAt, now, span);
	}

	private static boolean within(@Nullable OffsetDateTime since, OffsetDateTime now, Duration span) {
		return since != null && since.plus(span).isAfter(now);
	}

}
