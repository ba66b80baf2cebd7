/**
 * The onboarding module's dashboard pages; internal to the module.
 */
@NullMarked
package io.baton.onboarding.web;

import org.jspecify.annotations.NullMarked;
