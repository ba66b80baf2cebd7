package io.baton.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How routing workers run.
 *
 * @param enabled whether this process routes (a web-only replica may not)
 * @param workers routing loops in this process; one app's batches are routed by one loop
 * at a time, so more loops help with more apps
 * @param batchesPerClaim batches one loop routes in one transaction
 * @param pollEvery how often an idle loop looks for batches another process stored
 */
@ConfigurationProperties("baton.routing")
record RoutingSettings(@DefaultValue("true") boolean enabled, @DefaultValue("2") int workers,
		@DefaultValue("64") int batchesPerClaim, @DefaultValue("250ms") Duration pollEvery) {
}
