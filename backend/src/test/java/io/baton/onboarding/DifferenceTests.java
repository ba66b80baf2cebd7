package io.baton.onboarding;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.graph.AppSubscription;
import io.baton.graph.PageSubscription;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift detection without Spring or Graph: what the reconciler finds when it compares the
 * subscriptions Graph reports with the ones Baton needs.
 */
class DifferenceTests {

	static final String CALLBACK = "https://baton.example/webhooks/100";

	static final List<String> NEEDED = List.of("messages", "messaging_postbacks");

	static final AppId APP = new AppId("100");

	@Test
	void anAppSubscribedToBatonWithEveryNeededFieldDiffersInNothing() {
		Difference difference = Difference.atApp(List
			.of(new AppSubscription("page", CALLBACK, true, List.of("messages", "messaging_postbacks", "reads"))),
				CALLBACK, NEEDED);

		assertThat(difference.isNone()).isTrue();
		assertThat(difference).isEqualTo(Difference.NONE);
	}

	@Test
	void anAppWithoutAPageSubscriptionIsFound() {
		Difference difference = Difference.atApp(List.of(new AppSubscription("user", CALLBACK, true, NEEDED)), CALLBACK,
				NEEDED);

		assertThat(difference.description()).isEqualTo("Facebook reports no page webhook subscription for the app.");
	}

	@Test
	void anInactiveSubscriptionOutweighsAWrongCallback() {
		Difference difference = Difference
			.atApp(List.of(new AppSubscription("page", "https://elsewhere.example", false, NEEDED)), CALLBACK, NEEDED);

		assertThat(difference.description()).isEqualTo("The app's page webhook subscription is inactive.");
	}

	@Test
	void webhooksGoingElsewhereAreFound() {
		Difference difference = Difference
			.atApp(List.of(new AppSubscription("page", "https://elsewhere.example", true, NEEDED)), CALLBACK, NEEDED);

		assertThat(difference.description())
			.isEqualTo("The app's webhooks go to https://elsewhere.example, not to Baton.");
	}

	@Test
	void aPageWithoutGetStartedPostbacksLacksThem() {
		Difference difference = Difference.atPage(List.of(new PageSubscription(APP, "Bot", List.of("messages"))), APP,
				NEEDED);

		assertThat(difference.description()).isEqualTo("The page's subscription lacks messaging_postbacks.");
	}

	@Test
	void aPageSubscribedOnlyToAnotherAppIsNotSubscribedToThisOne() {
		Difference difference = Difference.atPage(List.of(new PageSubscription(new AppId("200"), "Other", NEEDED)), APP,
				NEEDED);

		assertThat(difference.description()).isEqualTo("The app is not subscribed to the page.");
	}

	@Test
	void aPageWithEveryNeededFieldDiffersInNothing() {
		assertThat(Difference.atPage(List.of(new PageSubscription(APP, "Bot", NEEDED)), APP, NEEDED).isNone()).isTrue();
	}

}
