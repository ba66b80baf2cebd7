/**
 * Routing: workers turn stored webhook batches into events, drop Facebook's retries and
 * duplicates, keep contacts, 24-hour windows, referrals, thread owners and notification
 * tokens, and queue one delivery per event for the app's bot.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "graph", "ingress", "platform", "privacy", "secrets", "tenancy" })
package io.baton.routing;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
