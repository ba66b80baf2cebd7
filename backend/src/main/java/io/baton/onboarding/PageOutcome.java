package io.baton.onboarding;

import io.baton.graph.PageId;

/** What happened to one page the person chose: connected entirely, or not at all. */
public record PageOutcome(PageId page, String name, boolean connected, String message) {
}
