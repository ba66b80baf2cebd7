/**
 * Privacy: Facebook's data-deletion callback (a signed request names a person by the id
 * their linked account carries; Baton erases what it holds of them and answers a status
 * page and a confirmation code), and staff export or erasure of one contact. Each module
 * that holds personal data erases and exports its own rows through {@link PersonalData}.
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "apps", "graph", "platform", "secrets", "tenancy", "tenancy :: web", "tokens", "web" })
package io.baton.privacy;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
