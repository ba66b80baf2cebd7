package io.baton.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long raw webhook batches, delivery attempts and finished deliveries are kept.
 *
 * @param keepDays days kept; older daily partitions are dropped whole
 * @param daysAhead daily partitions created ahead of time
 * @param maintainEvery how often partitions are created and dropped
 */
@ConfigurationProperties("baton.retention")
public record RetentionSettings(@DefaultValue("14") int keepDays, @DefaultValue("7") int daysAhead,
		@DefaultValue("1h") Duration maintainEvery) {
}
