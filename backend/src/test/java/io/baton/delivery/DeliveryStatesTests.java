package io.baton.delivery;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The states of deliveries and endpoints, without Spring: what an attempt makes of a
 * delivery, what an endpoint's record says of it, and the words the database and the API
 * use for each.
 */
class DeliveryStatesTests {

	static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	@Nested
	class AfterAnAttempt {

		@Test
		void theBotsTwoHundredDeliversItEvenOnTheLastAttempt() {
			assertThat(DeliveryStatus.afterAttempt(true, 12, 12)).isEqualTo(DeliveryStatus.DELIVERED);
		}

		@Test
		void aFailureLeavesItPendingWhileAttemptsRemain() {
			assertThat(DeliveryStatus.afterAttempt(false, 11, 12)).isEqualTo(DeliveryStatus.PENDING);
		}

		@Test
		void aFailureOnTheLastAttemptMakesADeadLetter() {
			assertThat(DeliveryStatus.afterAttempt(false, 12, 12)).isEqualTo(DeliveryStatus.DEAD);
		}

	}

	@Nested
	class AnEndpoint {

		@Test
		void thatWasDisabledIsDisabledWhateverElseItsRecordSays() {
			assertThat(EndpointState.of(NOW, NOW.minusSeconds(60), NOW.plusSeconds(60), 30, NOW))
				.isEqualTo(EndpointState.DISABLED);
		}

		@Test
		void waitingForItsNextProbeHasItsCircuitOpen() {
			assertThat(EndpointState.of(NOW, null, NOW.plusSeconds(1), 5, null)).isEqualTo(EndpointState.CIRCUIT_OPEN);
		}

		@Test
		void whoseCircuitWaitIsOverButStillFailsIsFailing() {
			assertThat(EndpointState.of(NOW, null, NOW, 5, NOW.minusSeconds(600))).isEqualTo(EndpointState.FAILING);
		}

		@Test
		void whoseLastPostWasTakenIsHealthy() {
			assertThat(EndpointState.of(NOW, null, null, 0, NOW.minusSeconds(5))).isEqualTo(EndpointState.HEALTHY);
		}

		@Test
		void neverPostedToIsUnused() {
			assertThat(EndpointState.of(NOW, null, null, 0, null)).isEqualTo(EndpointState.UNUSED);
		}

	}

	@Test
	void statesAreSpelledAsTheDatabaseAndTheApiAlwaysHave() {
		assertThat(DeliveryStatus.values()).extracting(DeliveryStatus::value)
			.containsExactly("pending", "delivered", "dead", "skipped");
		assertThat(EndpointState.values()).extracting(EndpointState::value)
			.containsExactly("healthy", "failing", "circuit_open", "disabled", "unused");
		assertThat(EndpointState.CIRCUIT_OPEN.label()).isEqualTo("circuit open");
	}

	@Test
	void onlyTheFourStatusesAreRead() {
		assertThat(DeliveryStatus.parse("dead")).contains(DeliveryStatus.DEAD);
		assertThat(DeliveryStatus.parse("DEAD")).isEmpty();
		assertThat(DeliveryStatus.parse("failed")).isEmpty();
	}

}
