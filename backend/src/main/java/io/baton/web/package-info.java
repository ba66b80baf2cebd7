/**
 * The dashboard: sign-in, the security chain, page controllers and view models, the
 * layout's shared model, flash messages and error pages.
 */
@NullMarked
package io.baton.web;

import org.jspecify.annotations.NullMarked;
