package io.baton.sandbox.subscriptions;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An app subscribed to a page's webhook fields.
 *
 * @param pageId the page
 * @param appId the app
 * @param appName its name
 * @param appLink its link, if set
 * @param appCategory its category, if set
 * @param fields the subscribed fields
 */
public record PageSubscription(String pageId, String appId, String appName, @Nullable String appLink,
		@Nullable String appCategory, List<String> fields) {

}
