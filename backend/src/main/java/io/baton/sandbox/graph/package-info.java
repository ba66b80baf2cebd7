/**
 * The sandbox's Graph API under {@code /sandbox/graph/{version}/}: the OAuth token
 * endpoint, access tokens and {@code /me}, with Graph's own error shape.
 */
@NullMarked
package io.baton.sandbox.graph;

import org.jspecify.annotations.NullMarked;
