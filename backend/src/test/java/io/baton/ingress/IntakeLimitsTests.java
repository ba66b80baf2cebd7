package io.baton.ingress;

import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.platform.Budgets;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of intake without a server: their defaults, the budgets of refusals, and the
 * bound on how many addresses are told apart.
 */
class IntakeLimitsTests {

	@Test
	void signedBatchesAreNotLimitedByDefaultAndTheQueueIsBoundedInBytes() {
		IngressSettings defaults = settings(Map.of());

		assertThat(defaults.signedPerApp()).isZero();
		assertThat(new IntakeLimits(defaults).takeSigned(new AppId("1"))).isTrue();
		assertThat(defaults.maxWaitingSize()).isEqualTo(DataSize.ofMegabytes(64));
		assertThat(defaults.maxReadingSize()).isEqualTo(DataSize.ofMegabytes(64));
	}

	@Test
	void anAddressHasAMinutesWorthOfRefusalsAndOthersKeepTheirs() {
		IntakeLimits limits = new IntakeLimits(settings(Map.of("baton.ingress.refusals-per-address", "3")));

		for (int i = 0; i < 3; i++) {
			assertThat(limits.takeRefusal("192.0.2.1", null)).isTrue();
		}

		assertThat(limits.addressSpent("192.0.2.1")).isTrue();
		assertThat(limits.takeRefusal("192.0.2.1", null)).isFalse();
		assertThat(limits.addressSpent("192.0.2.2")).isFalse();
		assertThat(limits.takeRefusal("192.0.2.2", null)).isTrue();
	}

	@Test
	void addressesBeyondTheTrackedOnesShareOneBudget() {
		IntakeLimits limits = new IntakeLimits(
				settings(Map.of("baton.ingress.refusals-per-address", "2", "baton.ingress.tracked-keys", "10")));
		for (int i = 0; i < 10; i++) {
			limits.takeRefusal("192.0.2." + i, null);
		}

		assertThat(limits.takeRefusal("198.51.100.1", null)).isTrue();
		assertThat(limits.takeRefusal("198.51.100.2", null)).isTrue();

		assertThat(limits.takeRefusal("198.51.100.3", null)).as("the shared budget is spent").isFalse();
	}

	@Test
	void anIpv6ClientCountsAsItsSlash64() {
		assertThat(Budgets.addressOf(new InetSocketAddress("2001:db8:1:2:aaaa::1", 443)))
			.isEqualTo(Budgets.addressOf(new InetSocketAddress("2001:db8:1:2:bbbb::7", 443)))
			.isNotEqualTo(Budgets.addressOf(new InetSocketAddress("2001:db8:1:3::1", 443)));
		assertThat(Budgets.addressOf(new InetSocketAddress("192.0.2.7", 443))).isEqualTo("192.0.2.7");
	}

	@Test
	void bodiesBeingReadAreBoundedButALoneOneAlwaysFits() {
		IntakeLimits limits = new IntakeLimits(settings(Map.of("baton.ingress.max-reading-size", "2MB")));

		assertThat(limits.startReading(DataSize.ofMegabytes(3).toBytes())).as("alone").isTrue();
		assertThat(limits.startReading(1)).isFalse();
		limits.doneReading(DataSize.ofMegabytes(3).toBytes());
		assertThat(limits.startReading(DataSize.ofMegabytes(1).toBytes())).isTrue();
		assertThat(limits.startReading(DataSize.ofMegabytes(1).toBytes())).isTrue();
		assertThat(limits.startReading(1)).isFalse();
	}

	private static IngressSettings settings(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("baton.ingress",
				IngressSettings.class);
	}

}
