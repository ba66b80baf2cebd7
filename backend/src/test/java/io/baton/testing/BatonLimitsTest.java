package io.baton.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application with small limits and quotas, which the shared context sets out
 * of reach: refusals at the webhook endpoint and guessed API keys per address and per
 * app, bytes read and waiting at intake, tenants one person owns, invitations waiting,
 * replays a minute. Loopback is a trusted proxy here, so {@code X-Forwarded-For} plays
 * the client's address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BatonTest(properties = { "baton.web.trusted-proxies=127.0.0.1/32,::1/128", "baton.ingress.refusals-per-address=5",
		"baton.ingress.refusals-per-app=20", "baton.ingress.signed-per-app=10", "baton.ingress.max-reading-size=2MB",
		"baton.ingress.max-waiting-size=1MB", "baton.ingress.refusals-write-every=200ms",
		"baton.api.refused-keys-per-address=5", "baton.tenancy.max-owned-tenants=2",
		"baton.tenancy.max-pending-invitations=2", "baton.delivery.replays-per-minute=2", "baton.test.label=limits" })
public @interface BatonLimitsTest {

}
