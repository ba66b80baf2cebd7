package io.baton.web;

import org.junit.jupiter.api.Tag;

import io.baton.testing.BatonDemoTest;
import io.baton.testing.Browser.Width;

/**
 * {@link DataPlaneBrowserTests}'s journey on a phone held upright (390 px wide), in the
 * slow tier.
 */
@BatonDemoTest
@Tag("slow")
class DataPlaneBrowserAtPhoneWidthTests extends DataPlaneBrowserTests {

	@Override
	Width width() {
		return Width.PHONE;
	}

}
