/**
 * The Send API ({@code /me/messages}) with Messenger's rules (the 24-hour window, message
 * tags, notification tokens, thread control), the page's Messenger profile, and the
 * person's profile as a page sees it ({@code GET /{psid}}).
 */
@NullMarked
package io.baton.sandbox.messenger.send;

import org.jspecify.annotations.NullMarked;
