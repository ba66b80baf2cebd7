/**
 * The shell of Baton's JSON API under {@code /api/v1}: its security chain (an app's API
 * key or a staff session), RFC 9457 problem details for every controller marked
 * {@link io.baton.api.JsonApi}, and the OpenAPI description at {@code /v3/api-docs}. Each
 * feature's endpoints live in its own module ({@code delivery.api}, ...).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "apps", "platform" })
package io.baton.api;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
