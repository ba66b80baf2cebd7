/**
 * Baton's own JSON API under {@code /api/v1} for tenants' automation: the delivery log,
 * replay and endpoint health, reached with an app's API key or a staff session; errors as
 * RFC 9457 problem details; described by OpenAPI at {@code /v3/api-docs}.
 */
@NullMarked
package io.baton.api;

import org.jspecify.annotations.NullMarked;
