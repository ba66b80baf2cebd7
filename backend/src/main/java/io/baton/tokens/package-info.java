/**
 * The page-token vault: page tokens sealed at rest, what each may do, when it was issued,
 * used and checked, and why it stopped working (from Graph's code and subcode, never its
 * message).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "apps", "graph", "platform", "secrets", "tenancy", "tenancy :: web" })
package io.baton.tokens;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
