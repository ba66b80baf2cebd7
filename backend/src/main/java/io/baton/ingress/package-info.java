/**
 * Webhook ingress: the verification handshake and the durable intake of Messenger
 * webhooks, committed by group commit before each 200.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "apps", "graph", "platform", "privacy", "secrets", "tenancy" })
package io.baton.ingress;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
