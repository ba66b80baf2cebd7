/**
 * Tenancy's pages (home, members, invitations, audit log, settings) and what every
 * dashboard page stands on: sign-in with Facebook, and the {@code SignedInUser} and
 * {@code CurrentTenant} handler arguments. Other modules' pages may ask it for the tenant
 * a request entered (the named interface {@code tenancy :: web}).
 */
@NullMarked
@NamedInterface("web")
package io.baton.tenancy.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
