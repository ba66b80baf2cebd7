/**
 * The outbound log under {@code /api/v1}: an app's key reads its own app's sends, staff
 * every app of their tenant.
 */
@NullMarked
package io.baton.botapi.api;

import org.jspecify.annotations.NullMarked;
