package io.baton.routing;

/**
 * Published after routing committed new deliveries, so delivery workers in this process
 * look at once instead of at their next poll.
 *
 * @param count deliveries queued
 */
public record DeliveriesQueued(int count) {
}
