/**
 * The bot API: Graph's Messenger endpoints under {@code /graph/{version}/…}, called with
 * an app's Baton API key in place of a page token and passed on to Graph with the page
 * token Baton keeps; rate limits retried within a bound; every message sent kept in the
 * outbound log.
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "api", "apps", "graph", "platform", "privacy", "secrets", "tenancy", "tokens", "web" })
package io.baton.botapi;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
