/**
 * One-time notification tokens (good once, for a year) and recurring notification tokens
 * (a frequency, an expiry, stop and resume), issued when the person opts in and spent by
 * the Send API.
 */
@NullMarked
package io.baton.sandbox.messenger.notifications;

import org.jspecify.annotations.NullMarked;
