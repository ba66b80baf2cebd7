/**
 * Demo mode: the Demo Shop tenant, and with the sandbox on, a sandbox world of two apps
 * connected to two pages, so a new user sees a working setup at once.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "apps", "graph", "onboarding", "platform", "secrets", "tenancy", "tokens" })
package io.baton.demo;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
