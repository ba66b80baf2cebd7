/**
 * Connecting Pages to an app: Facebook Login for that app with the page permissions, page
 * selection, page tokens into the vault, and the page webhook subscriptions.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "apps", "delivery", "graph", "ingress", "platform", "secrets", "tenancy",
		"tokens", "web" })
package io.baton.onboarding;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
