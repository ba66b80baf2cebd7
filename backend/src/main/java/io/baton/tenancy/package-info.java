/**
 * Tenants, their members and roles, invitations, sign-in, the audit log, and the
 * current-tenant context every tenant transaction runs in.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "web" })
package io.baton.tenancy;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
