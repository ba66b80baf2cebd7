/**
 * Messenger as Facebook runs it for a page: people's page-scoped ids, conversations and
 * their 24-hour window, what each side said, and the Graph plumbing the Messenger
 * endpoints share (page callers, JSON or form-encoded calls, Messenger's errors).
 */
@NullMarked
package io.baton.sandbox.messenger;

import org.jspecify.annotations.NullMarked;
