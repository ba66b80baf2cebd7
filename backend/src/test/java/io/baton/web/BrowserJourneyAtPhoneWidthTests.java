package io.baton.web;

import org.junit.jupiter.api.Tag;

import io.baton.testing.BatonTest;
import io.baton.testing.Browser.Width;

/**
 * {@link BrowserJourneyTests}'s journey on a phone held upright (390 px wide), in the
 * slow tier.
 */
@BatonTest
@Tag("slow")
class BrowserJourneyAtPhoneWidthTests extends BrowserJourneyTests {

	@Override
	Width width() {
		return Width.PHONE;
	}

}
