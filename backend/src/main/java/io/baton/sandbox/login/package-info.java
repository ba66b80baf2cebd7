/**
 * The sandbox's Facebook Login dialog: who is signed in to "Facebook" (a cookie of the
 * sandbox's own), consent to an app's permissions, and the authorization codes it hands
 * to the app's redirect URI.
 */
@NullMarked
package io.baton.sandbox.login;

import org.jspecify.annotations.NullMarked;
