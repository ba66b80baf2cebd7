package io.baton.graph;

/** What Graph says of an app ({@code GET /{app-id}}). */
public record GraphApp(AppId id, String name) {
}
