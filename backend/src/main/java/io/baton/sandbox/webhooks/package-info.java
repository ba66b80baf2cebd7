/**
 * Webhook delivery as Facebook does it: an event for every app subscribed to the page at
 * both levels, routed to the thread owner ({@code messaging}) or the others
 * ({@code standby}), kept in a PostgreSQL outbox, delivered in order one POST at a time
 * per app, signed over the exact bytes, retried with backoff, alerting and finally
 * unsubscribing an app whose endpoint keeps failing. Also the sandbox's clock.
 */
@NullMarked
package io.baton.sandbox.webhooks;

import org.jspecify.annotations.NullMarked;
