/**
 * The typed reactive client of Facebook's Graph API (or the sandbox's: the base URL is
 * the only difference) and Graph's error model, classified by code and subcode.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "secrets" })
package io.baton.graph;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
