package io.baton.sandbox.subscriptions;

import java.util.List;

/**
 * An app's webhook subscription to one object.
 *
 * @param appId the app
 * @param object {@code page}, {@code user} or {@code application}
 * @param callbackUrl where Facebook posts the events
 * @param verifyToken what the handshake sends as {@code hub.verify_token}
 * @param fields the subscribed fields
 * @param includeValues whether change events carry the new values
 * @param active whether events are sent
 * @param apiVersion the Graph version every field reports
 */
public record AppSubscription(String appId, String object, String callbackUrl, String verifyToken, List<String> fields,
		boolean includeValues, boolean active, String apiVersion) {

	@Override
	public String toString() {
		return "AppSubscription[appId=" + this.appId + ", object=" + this.object + ", callbackUrl=" + this.callbackUrl
				+ ", fields=" + this.fields + "]";
	}

}
