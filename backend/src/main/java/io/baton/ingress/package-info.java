/**
 * Webhook ingress: the verification handshake (and, later, the durable intake of
 * Messenger webhooks).
 */
@NullMarked
package io.baton.ingress;

import org.jspecify.annotations.NullMarked;
