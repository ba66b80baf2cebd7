package io.baton.routing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.graph.Psid;

/**
 * One Messenger event of a batch, as routing sees it.
 *
 * @param page the entry's page
 * @param field {@code messaging} or {@code standby}
 * @param type what happened: {@code message}, {@code echo}, {@code postback}, …
 * @param psid the person's page-scoped id, or null (an {@code app_roles} event)
 * @param mid the message id the event carries, if any
 * @param at the event's timestamp, or the entry's time
 * @param dedupeKey the same for Facebook's retries and duplicates of this event
 * @param body the event as Facebook sent it
 * @param payload the Facebook-shaped body a bot receives for this event alone
 */
record Event(PageId page, String field, String type, @Nullable Psid psid, @Nullable String mid, Instant at,
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
	String lane(AppId app) {
		return app.value() + ":" + this.page.value() + ":" + ((this.psid != null) ? this.psid.value() : "");
	}

}
