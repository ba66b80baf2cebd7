package io.baton.routing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One Messenger event of a batch, as routing sees it.
 *
 * @param pageId the entry's page
 * @param field {@code messaging} or {@code standby}
 * @param type what happened: {@code message}, {@code echo}, {@code postback}, …
 * @param psid the person's page-scoped id, or null (an {@code app_roles} event)
 * @param mid the message id the event carries, if any
 * @param at the event's timestamp, or the entry's time
 * @param dedupeKey the same for Facebook's retries and duplicates of this event
 * @param body the event as Facebook sent it
 * @param payload the Facebook-shaped body a bot receives for this event alone
 */
record Event(String pageId, String field, String type, @Nullable String psid, @Nullable String mid, Instant at,
		String dedupeKey, JsonNode body, byte[] payload) {

	/**
	 * A message, postback, reaction, referral or opt-in of the person: opens the 24-hour
	 * window.
	 */
	boolean opensWindow() {
		return this.psid != null && switch (this.type) {
			case "message", "postback", "reaction", "referral", "optin" -> true;
			default -> false;
		};
	}

	/** Conversation key: one app's events of one person on one page go out in order. */
	String lane(String appId) {
		return appId + ":" + this.pageId + ":" + ((this.psid != null) ? this.psid : "");
	}

}
