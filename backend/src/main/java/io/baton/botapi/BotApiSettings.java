package io.baton.botapi;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot API.
 *
 * @param rateLimitWait how long a bot's call may wait while Graph answers a rate limit
 * (4, 32, 613) and Baton tries again; after it the bot gets Graph's rate-limit answer
 * @param firstRetry the wait before the first try again, doubled each time
 * @param maxRetry the longest single wait between tries
 * @param maxBody the largest JSON body a bot may send
 */
@ConfigurationProperties("baton.botapi")
public record BotApiSettings(@DefaultValue("10s") Duration rateLimitWait, @DefaultValue("250ms") Duration firstRetry,
		@DefaultValue("2s") Duration maxRetry, @DefaultValue("1048576") int maxBody) {
}
