package io.baton.sandbox.demobot;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request as it reached the demo bot, and what the bot made of it.
 *
 * @param outcome accepted, failed on purpose, or refused
 * @param signatureValid whether {@code X-Hub-Signature-256} matched the body
 * @param deliveryId Baton's {@code X-Baton-Delivery}, if sent
 * @param attempt Baton's {@code X-Baton-Attempt}, if sent and a number
 * @param event the event the body carried; none when the body is not a webhook batch
 * @param receivedAt when it arrived, by the sandbox's clock, in ms
 * @param body the body as received
 */
record Arrival(Outcome outcome, boolean signatureValid, @Nullable String deliveryId, @Nullable Integer attempt,
		@Nullable DeliveredEvent event, Instant receivedAt, String body) {

}
