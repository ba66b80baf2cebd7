/**
 * The delivery module's dashboard pages; internal to the module.
 */
@NullMarked
package io.baton.delivery.web;

import org.jspecify.annotations.NullMarked;
