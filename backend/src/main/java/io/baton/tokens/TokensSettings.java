package io.baton.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the token vault.
 *
 * @param checkEvery how often each page token is checked with {@code debug_token}
 * @param checkBatch how many tokens one run of the check handles at most
 * @param checkRunEvery how often the check looks for tokens that are due
 */
@ConfigurationProperties("baton.tokens")
public record TokensSettings(@DefaultValue("6h") Duration checkEvery, @DefaultValue("50") int checkBatch,
		@DefaultValue("1m") Duration checkRunEvery) {
}
