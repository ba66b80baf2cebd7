package io.baton.sandbox.demobot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sandbox's demo bot behaves ({@code baton.sandbox.demo-bot.*}).
 *
 * @param keep the newest requests kept per app; older ones are deleted as new ones come
 * @param pruneEvery older requests are deleted at every this many-th request (so that
 * receipts arriving at once never wait for each other); an app holds at most about
 * {@code keep} plus this many
 * @param slowDelay how long the bot takes to answer in mode {@code slow}
 * @param keptBody how many characters of each request's body are kept
 */
@ConfigurationProperties("baton.sandbox.demo-bot")
public record DemoBotSettings(@DefaultValue("10000") int keep, @DefaultValue("100") int pruneEvery,
		@DefaultValue("2s") Duration slowDelay, @DefaultValue("16384") int keptBody) {

}
