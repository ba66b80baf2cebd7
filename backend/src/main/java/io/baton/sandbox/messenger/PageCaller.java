package io.baton.sandbox.messenger;

import io.baton.sandbox.accounts.SandboxApp;

/**
 * An app acting for a page with a page token whose person granted it
 * {@code pages_messaging}.
 *
 * @param app the app
 * @param pageId the page
 * @param userId the person whose page token it is
 */
public record PageCaller(SandboxApp app, String pageId, String userId) {

	public String appId() {
		return this.app.id();
	}

}
