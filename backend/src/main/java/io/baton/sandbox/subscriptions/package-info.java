/**
 * Webhook subscriptions as Graph manages them: app level
 * ({@code /{app-id}/subscriptions}, with the callback verification handshake) and page
 * level ({@code /{page-id}/subscribed_apps}).
 */
@NullMarked
package io.baton.sandbox.subscriptions;

import org.jspecify.annotations.NullMarked;
