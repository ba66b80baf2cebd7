package io.baton.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry schedule of deliveries, without Spring: which wait follows which failed
 * attempt, how jitter spreads it, and when a delivery has had all its attempts. The
 * settings are bound as the application binds them, defaults included.
 */
class DeliverySettingsTests {

	@Test
	void theDefaultScheduleIsElevenWaitsOfAboutTwentyEightHoursThenADeadLetter() {
		DeliverySettings settings = settings(Map.of());

		assertThat(settings.retrySchedule()).hasSize(11).first().isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.retrySchedule()).last().isEqualTo(Duration.ofHours(12));
		assertThat(settings.retrySchedule().stream().reduce(Duration.ZERO, Duration::plus))
			.isEqualTo(Duration.ofHours(27).plusMinutes(51).plusSeconds(20));
		assertThat(settings.maxAttempts()).isEqualTo(12);
		assertThat(settings.jitter()).isEqualTo(0.2);
	}

	@Test
	void withoutJitterEachFailedAttemptWaitsItsStepOfTheSchedule() {
		DeliverySettings settings = settings(Map.of("retry-schedule", "200ms,300ms,400ms", "jitter", "0"));

		List<Duration> waits = List.of(settings.waitAfter(1, 0.9), settings.waitAfter(2, 0.1),
				settings.waitAfter(3, 0.5));

		assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400));
		assertThat(settings.maxAttempts()).as("the first attempt and one per wait").isEqualTo(4);
	}

	@Test
	void jitterMovesAWaitByUpToItsFractionEitherWay() {
		DeliverySettings settings = settings(Map.of("retry-schedule", "10s", "jitter", "0.2"));

		Duration shortest = settings.waitAfter(1, 0.0);
		Duration middle = settings.waitAfter(1, 0.5);
		Duration longest = settings.waitAfter(1, 1.0);
		Duration quarter = settings.waitAfter(1, 0.25);

		assertThat(shortest).isEqualTo(Duration.ofSeconds(8));
		assertThat(middle).isEqualTo(Duration.ofSeconds(10));
		assertThat(longest).isEqualTo(Duration.ofSeconds(12));
		assertThat(quarter).isEqualTo(Duration.ofSeconds(9));
	}

	@Test
	void jitteredWaitsStayWithinTheirBoundsAndSpreadOverThem() {
		DeliverySettings settings = settings(Map.of("retry-schedule", "1m", "jitter", "0.2"));
		Random random = new Random(20261203);

		List<Long> waits = random.doubles(10_000).mapToObj((draw) -> settings.waitAfter(1, draw).toMillis()).toList();

		assertThat(waits).allSatisfy((wait) -> assertThat(wait).isBetween(48_000L, 72_000L));
		assertThat(waits).anySatisfy((wait) -> assertThat(wait).isLessThan(49_000L));
		assertThat(waits).anySatisfy((wait) -> assertThat(wait).isGreaterThan(71_000L));
		assertThat(waits.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(59_500.0, 60_500.0);
	}

	@Test
	void anAttemptBeyondTheScheduleWaitsItsLastStep() {
		DeliverySettings settings = settings(Map.of("retry-schedule", "1s,2s", "jitter", "0"));

		assertThat(settings.waitAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.waitAfter(40, 0.5)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aWaitIsNeverShorterThanOneMillisecond() {
		DeliverySettings settings = settings(Map.of("retry-schedule", "0s,1ms", "jitter", "0.5"));

		assertThat(settings.waitAfter(1, 0.5)).isEqualTo(Duration.ofMillis(1));
		assertThat(settings.waitAfter(2, 0.0)).isEqualTo(Duration.ofMillis(1));
	}

	private static DeliverySettings settings(Map<String, String> properties) {
		Map<String, String> prefixed = new HashMap<>();
		properties.forEach((key, value) -> prefixed.put("baton.delivery." + key, value));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("baton.delivery",
				DeliverySettings.class);
	}

}
