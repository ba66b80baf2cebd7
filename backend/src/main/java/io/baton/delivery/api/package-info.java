/**
 * The delivery module's JSON API under {@code /api/v1}; internal to the module.
 */
@NullMarked
package io.baton.delivery.api;

import org.jspecify.annotations.NullMarked;
