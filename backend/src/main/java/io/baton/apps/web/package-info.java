/**
 * The apps module's dashboard pages; internal to the module.
 */
@NullMarked
package io.baton.apps.web;

import org.jspecify.annotations.NullMarked;
