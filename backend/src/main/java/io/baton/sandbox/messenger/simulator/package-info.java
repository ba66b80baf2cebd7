/**
 * The Messenger-user simulator: a sandbox person talking to a page (text, quick replies,
 * postbacks, attachments, reactions, reads, m.me and Send to Messenger arrivals,
 * notification opt-ins), each action turned into the webhook events Facebook sends; its
 * chat view, its JSON API and the webhook fault controls.
 */
@NullMarked
package io.baton.sandbox.messenger.simulator;

import org.jspecify.annotations.NullMarked;
