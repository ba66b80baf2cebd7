package io.baton.graph;

/** One permission and whether the person granted or declined it. */
public record Permission(String name, boolean granted) {
}
