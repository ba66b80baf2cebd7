/**
 * Delivery: workers POST each routed event to its app's bot endpoint, signed as Facebook
 * signs, with retries on a schedule, a circuit breaker per endpoint, dead letters,
 * replay, and a searchable log of every attempt.
 */
@NullMarked
package io.baton.delivery;

import org.jspecify.annotations.NullMarked;
