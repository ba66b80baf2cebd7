/**
 * Delivery: workers POST each routed event to its app's bot endpoint, signed as Facebook
 * signs, with retries on a schedule, a circuit breaker per endpoint, dead letters,
 * replay, and a searchable log of every attempt.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "api", "apps", "graph", "ingress", "platform", "privacy", "routing",
		"secrets", "tenancy", "web" })
package io.baton.delivery;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
