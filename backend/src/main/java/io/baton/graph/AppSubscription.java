package io.baton.graph;

import java.util.List;

/**
 * An app's webhook subscription for one object, as {@code GET /{app-id}/subscriptions}
 * reports it.
 */
public record AppSubscription(String object, String callbackUrl, boolean active, List<String> fields) {
}
