package io.baton.sandbox.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sandbox delivers webhooks ({@code baton.sandbox.webhooks.*}).
 *
 * @param pollInterval how often the outbox is polled for due updates
 * @param timeout how long an app's endpoint may take to answer before the POST counts as
 * failed (Facebook: 20 seconds)
 * @param batchSize at most this many entries in one POST (Facebook: up to 1,000)
 * @param retrySchedule waits before the 1st, 2nd, … retry of a failed POST; the last one
 * repeats
 * @param alertAfter after failing this long, a developer alert is recorded (15 minutes)
 * @param disableAfter after failing this long, the app's page subscription is disabled
 * and the app removed from every page (8 hours)
 * @param dropAfter an update still undelivered this long after it was created is dropped
 * (36 hours)
 * @param recentErrors how many recent errors are kept per app
 */
@ConfigurationProperties("baton.sandbox.webhooks")
public record WebhookSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20s") Duration timeout,
		@DefaultValue("100") int batchSize, @DefaultValue( {
				"0s", "1s", "10s", "1m", "5m", "15m", "1h" }) List<Duration> retrySchedule,
		@DefaultValue("15m") Duration alertAfter, @DefaultValue("8h") Duration disableAfter,
		@DefaultValue("36h") Duration dropAfter, @DefaultValue("50") int recentErrors){

	/** The wait before the next attempt after {@code attempts} failed ones. */
	Duration backoff(int attempts) {
		if (this.retrySchedule.isEmpty()) {
			return Duration.ofSeconds(1);
		}
		return this.retrySchedule.get(Math.min(Math.max(attempts - 1, 0), this.retrySchedule.size() - 1));
	}

}
