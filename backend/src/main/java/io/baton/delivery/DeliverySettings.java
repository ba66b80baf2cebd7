package io.baton.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries to bots run.
 *
 * @param enabled whether this process delivers (a web-only replica may not)
 * @param workers delivery loops in this process
 * @param claimLimit deliveries one loop claims at a time (at most one per conversation)
 * @param lease how long a claimed delivery is reserved for its worker; a worker that dies
 * gives it up when the lease runs out
 * @param timeout how long a bot may take to answer
 * @param retrySchedule the waits before each retry; after the last, a dead letter
 * @param jitter each wait varies at random by up to this fraction, either way
 * @param circuitThreshold consecutive failures of an endpoint that open its circuit
 * @param circuitCooldown how long an open circuit waits before one probe; doubles with
 * each failed probe
 * @param circuitMaxCooldown the longest wait of an open circuit
 * @param disableAfter an endpoint failing without a success for this long is disabled
 * until staff enable it again
 * @param pollEvery how often an idle loop looks for due deliveries
 * @param responseChars how much of a bot's answer the log keeps (after redaction)
 * @param replaysPerMinute how many replays (of one delivery, or of an app's dead letters)
 * a tenant may ask for in a minute
 */
@ConfigurationProperties("baton.delivery")
record DeliverySettings(@DefaultValue("true") boolean enabled, @DefaultValue("4") int workers,
		@DefaultValue("32") int claimLimit, @DefaultValue("30s") Duration lease, @DefaultValue("10s") Duration timeout,
		@DefaultValue( {
				"5s", "15s", "1m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h" }) List<Duration> retrySchedule,
		@DefaultValue("0.2") double jitter, @DefaultValue("5") int circuitThreshold,
		@DefaultValue("30s") Duration circuitCooldown, @DefaultValue("10m") Duration circuitMaxCooldown,
		@DefaultValue("48h") Duration disableAfter, @DefaultValue("250ms") Duration pollEvery,
		@DefaultValue("300") int responseChars, @DefaultValue("60") int replaysPerMinute){

	/** Attempts in all: the first and one per wait of the schedule. */
	int maxAttempts() {
		return this.retrySchedule.size() + 1;
	}

	/** The wait after failed attempt {@code attempt} (1-based), with jitter. */
	Duration waitAfter(int attempt, double random) {
		Duration base = this.retrySchedule.get(Math.min(attempt, this.retrySchedule.size()) - 1);
		double factor = 1 + this.jitter * (2 * random - 1);
		return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
	}

}
