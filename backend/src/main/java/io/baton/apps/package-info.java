/**
 * The tenant's Facebook apps: app id and encrypted secret, verify token, webhook
 * subscription, bot endpoint, and the API keys bots call Baton with.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "graph", "platform", "secrets", "tenancy", "web" })
package io.baton.apps;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
