/**
 * The token pages of the dashboard: the page-token inventory and the invalid-token
 * banner.
 */
@NullMarked
package io.baton.tokens.web;

import org.jspecify.annotations.NullMarked;
