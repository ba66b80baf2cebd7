/** The outbound log on the dashboard, beside the app's delivery log. */
@NullMarked
package io.baton.botapi.web;

import org.jspecify.annotations.NullMarked;
