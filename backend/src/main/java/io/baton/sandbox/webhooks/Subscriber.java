package io.baton.sandbox.webhooks;

import java.util.Set;

/**
 * An app subscribed to a page, with the fields it subscribed at both levels.
 *
 * @param appId the app
 * @param fields the fields in both its app-level ({@code object=page}, active) and its
 * page-level subscription
 */
record Subscriber(String appId, Set<String> fields) {

	boolean has(String field) {
		return this.fields.contains(field);
	}

}
