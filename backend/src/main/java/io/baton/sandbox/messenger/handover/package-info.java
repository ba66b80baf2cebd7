/**
 * The handover protocol: app roles on a page (primary and secondary receivers), the
 * thread owner of each conversation with its idle expiry, the pass, take, request and
 * release calls and their {@code messaging_handovers} events.
 */
@NullMarked
package io.baton.sandbox.messenger.handover;

import org.jspecify.annotations.NullMarked;
