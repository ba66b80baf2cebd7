package io.baton.sandbox.subscriptions;

import java.util.Arrays;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Webhook subscriptions at the app level and at the page level. */
@Component
@ConditionalOnSandbox
public class Subscriptions {

	private final DatabaseClient database;

	Subscriptions(DatabaseClient database) {
		this.database = database;
	}

	public Flux<AppSubscription> ofApp(String appId) {
		return this.database.sql(SubscriptionRows.APP_SUBSCRIPTIONS)
			.bind("app", appId)
			.map(Subscriptions::appSubscription)
			.all();
	}

	Mono<AppSubscription> ofApp(String appId, String object) {
		return this.database.sql(SubscriptionRows.APP_SUBSCRIPTION)
			.bind("app", appId)
			.bind("object", object)
			.map(Subscriptions::appSubscription)
			.one();
	}

	Mono<Void> save(AppSubscription subscription) {
		return this.database.sql(SubscriptionRows.SAVE_APP_SUBSCRIPTION)
			.bind("app", subscription.appId())
			.bind("object", subscription.object())
			.bind("callback", subscription.callbackUrl())
			.bind("verifyToken", subscription.verifyToken())
			.bind("fields", subscription.fields().toArray(String[]::new))
			.bind("includeValues", subscription.includeValues())
			.bind("version", subscription.apiVersion())
			.then();
	}

	/** Deletes the app's subscription to {@code object}, or all of them when empty. */
	Mono<Void> deleteOfApp(String appId, String object) {
		return this.database.sql(SubscriptionRows.DELETE_APP_SUBSCRIPTIONS)
			.bind("app", appId)
			.bind("object", object)
			.then();
	}

	/** Every app subscribed to the page, with its name and fields. */
	public Flux<PageSubscription> ofPage(String pageId) {
		return this.database.sql(SubscriptionRows.APPS_OF_PAGE)
			.bind("page", pageId)
			.map(Subscriptions::pageSubscription)
			.all();
	}

	/** Every page the app is subscribed to. */
	public Flux<PageSubscription> pagesOfApp(String appId) {
		return this.database.sql(SubscriptionRows.PAGES_OF_APP)
			.bind("app", appId)
			.map(Subscriptions::pageSubscription)
			.all();
	}

	Mono<Void> subscribePage(String pageId, String appId, List<String> fields) {
		return this.database.sql(SubscriptionRows.SUBSCRIBE_PAGE)
			.bind("page", pageId)
			.bind("app", appId)
			.bind("fields", fields.toArray(String[]::new))
			.then();
	}

	Mono<Void> unsubscribePage(String pageId, String appId) {
		return this.database.sql(SubscriptionRows.UNSUBSCRIBE_PAGE).bind("page", pageId).bind("app", appId).then();
	}

	private static AppSubscription appSubscription(Readable row) {
		return new AppSubscription(row.get("app_id", String.class), row.get("object", String.class),
				row.get("callback_url", String.class), row.get("verify_token", String.class),
				list(row.get("fields", String[].class)), Boolean.TRUE.equals(row.get("include_values", Boolean.class)),
				Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("api_version", String.class));
	}

	private static PageSubscription pageSubscription(Readable row) {
		return new PageSubscription(row.get("page_id", String.class), row.get("app_id", String.class),
				row.get("name", String.class), row.get("link", String.class), row.get("category", String.class),
				list(row.get("subscribed_fields", String[].class)));
	}

	private static List<String> list(String[] values) {
		return (values != null) ? Arrays.asList(values) : List.of();
	}

}
