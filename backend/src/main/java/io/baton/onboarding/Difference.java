package io.baton.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.graph.AppSubscription;
import io.baton.graph.PageSubscription;

/**
 * What differs between a webhook subscription Graph reports and the one Baton needs:
 * {@link #NONE}, or a description for staff. The reconciler records each as
 * {@link Drift}.
 *
 * @param description what differs, or null when nothing does
 */
record Difference(@Nullable String description) {

	static final Difference NONE = new Difference(null);

	static Difference found(String description) {
		return new Difference(description);
	}

	boolean isNone() {
		return this.description == null;
	}

	/**
	 * The app's page subscription against what Baton needs: there, active, to Baton's
	 * callback URL, with every needed field.
	 */
	static Difference atApp(List<AppSubscription> subscriptions, String callbackUrl, List<String> needed) {
		Optional<AppSubscription> page = subscriptions.stream()
			.filter((subscription) -> "page".equals(subscription.object()))
			.findFirst();
		if (page.isEmpty()) {
			return found("Facebook reports no page webhook subscription for the app.");
		}
		AppSubscription subscription = page.get();
		if (!subscription.active()) {
			return found("The app's page webhook subscription is inactive.");
		}
		if (!subscription.callbackUrl().equals(callbackUrl)) {
			return found("The app's webhooks go to " + subscription.callbackUrl() + ", not to Baton.");
		}
		return missingFields("The app's subscription", needed, subscription.fields());
	}

	/** The app's subscription to one page against the fields Baton needs. */
	static Difference atPage(List<PageSubscription> subscribed, AppId app, List<String> needed) {
		return subscribed.stream()
			.filter((subscription) -> subscription.app().equals(app))
			.findFirst()
			.map((subscription) -> missingFields("The page's subscription", needed, subscription.fields()))
			.orElse(found("The app is not subscribed to the page."));
	}

	private static Difference missingFields(String what, List<String> needed, List<String> have) {
		List<String> missing = new ArrayList<>(needed);
		missing.removeAll(have);
		return missing.isEmpty() ? NONE : found(what + " lacks " + String.join(", ", missing) + ".");
	}

}
