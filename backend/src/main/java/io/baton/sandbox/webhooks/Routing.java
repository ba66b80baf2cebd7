package io.baton.sandbox.webhooks;

import org.jspecify.annotations.Nullable;

/**
 * Which subscribed apps see an event, and under which key.
 *
 * @param threadOwner the app that owns the conversation (gets it under
 * {@code messaging}); {@code null} when nobody owns it and there is no primary receiver:
 * every app gets it under {@code messaging}
 * @param onlyApp when set, only this app gets the event (handover events)
 */
public record Routing(@Nullable String threadOwner, @Nullable String onlyApp) {

	/**
	 * The owner gets {@code messaging}, the others subscribed to standby {@code standby}.
	 */
	public static Routing threadOwnedBy(@Nullable String ownerAppId) {
		return new Routing(ownerAppId, null);
	}

	/** Only {@code appId}, under {@code messaging}. */
	public static Routing onlyTo(String appId) {
		return new Routing(null, appId);
	}

}
