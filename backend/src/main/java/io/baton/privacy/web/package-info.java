/**
 * The privacy pages: Facebook's deletion callback and status page, and the staff view.
 */
@NullMarked
package io.baton.privacy.web;

import org.jspecify.annotations.NullMarked;
