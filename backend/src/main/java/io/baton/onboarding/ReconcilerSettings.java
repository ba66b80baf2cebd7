package io.baton.onboarding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the subscription reconciler.
 *
 * @param every how often each app's subscriptions are compared with Graph's
 * @param runEvery how often the reconciler looks for apps that are due
 * @param batch how many apps one run handles at most
 */
@ConfigurationProperties("baton.reconciler")
public record ReconcilerSettings(@DefaultValue("15m") Duration every, @DefaultValue("1m") Duration runEvery,
		@DefaultValue("20") int batch) {
}
