package io.baton.graph;

import java.util.List;

/** An app subscribed to a page, as {@code GET /{page-id}/subscribed_apps} reports it. */
public record PageSubscription(AppId app, String name, List<String> fields) {
}
