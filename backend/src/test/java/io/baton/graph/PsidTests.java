package io.baton.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What a page-scoped id may be, without Spring. */
class PsidTests {

	@Test
	void facebooksDigitsAndBatonsTestPersonAreIds() {
		assertThat(Psid.parse(" 24563210987654321 ")).contains(new Psid("24563210987654321"));
		assertThat(Psid.parse("test-person")).contains(new Psid("test-person"));
	}

	@Test
	void blankSpacedOrOverlongTextIsNot() {
		assertThat(Psid.parse("")).isEmpty();
		assertThat(Psid.parse("two words")).isEmpty();
		assertThat(Psid.parse("1".repeat(65))).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new Psid("a;b"));
	}

	@Test
	void itReadsAsItsValue() {
		assertThat(new Psid("601")).hasToString("601");
	}

}
