/**
 * Connecting Pages to an app: Facebook Login for that app with the page permissions, page
 * selection, page tokens into the vault, and the page webhook subscriptions.
 */
@NullMarked
package io.baton.onboarding;

import org.jspecify.annotations.NullMarked;
