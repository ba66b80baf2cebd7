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

	private static final String APP_COLUMNS = "app_id, object, callback_url, verify_token, fields, include_values,"
			+ " active, api_version";

	private final DatabaseClient database;

	Subscriptions(DatabaseClient database) {
		this.database = database;
	}

	public Flux<AppSubscription> ofApp(String appId) {
		return this.database
			.sql("SELECT " + APP_COLUMNS + " FROM sandbox.app_subscriptions WHERE app_id = :app ORDER BY object")
			.bind("app", appId)
			.map(Subscriptions::appSubscription)
			.all();
	}

	Mono<AppSubscription> ofApp(String appId, String object) {
		return this.database
			.sql("SELECT " + APP_COLUMNS + " FROM sandbox.app_subscriptions WHERE app_id = :app AND object = :object")
			.bind("app", appId)
			.bind("object", object)
			.map(Subscriptions::appSubscription)
			.one();
	}

	Mono<Void> save(AppSubscription subscription) {
		return this.database.sql("""
				INSERT INTO sandbox.app_subscriptions
				    (app_id, object, callback_url, verify_token, fields, include_values, active, api_version)
				VALUES (:app, :object, :callback, :verifyToken, :fields, :includeValues, true, :version)
				ON CONFLICT (app_id, object) DO UPDATE SET callback_url = EXCLUDED.callback_url,
				    verify_token = EXCLUDED.verify_token, fields = EXCLUDED.fields,
				    include_values = EXCLUDED.include_values, active = true, api_version = EXCLUDED.api_version,
				    updated_at = now()
				""")
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
		return this.database
			.sql("DELETE FROM sandbox.app_subscriptions WHERE app_id = :app AND (:object = '' OR object = :object)")
			.bind("app", appId)
			.bind("object", object)
			.then();
	}

	/** Every app subscribed to the page, with its name and fields. */
	public Flux<PageSubscription> ofPage(String pageId) {
		return this.database.sql("""
				SELECT s.page_id, s.app_id, a.name, a.link, a.category, s.subscribed_fields
				FROM sandbox.page_subscriptions s JOIN sandbox.apps a ON a.id = s.app_id
				WHERE s.page_id = :page ORDER BY s.created_at, s.app_id
				""").bind("page", pageId).map(Subscriptions::pageSubscription).all();
	}

	/** Every page the app is subscribed to. */
	public Flux<PageSubscription> pagesOfApp(String appId) {
		return this.database.sql("""
				SELECT s.page_id, s.app_id, a.name, a.link, a.category, s.subscribed_fields
				FROM sandbox.page_subscriptions s JOIN sandbox.apps a ON a.id = s.app_id
				WHERE s.app_id = :app ORDER BY s.created_at, s.page_id
				""").bind("app", appId).map(Subscriptions::pageSubscription).all();
	}

	Mono<Void> subscribePage(String pageId, String appId, List<String> fields) {
		return this.database
			.sql("""
					INSERT INTO sandbox.page_subscriptions (page_id, app_id, subscribed_fields) VALUES (:page, :app, :fields)
					ON CONFLICT (page_id, app_id) DO UPDATE SET subscribed_fields = EXCLUDED.subscribed_fields,
					    updated_at = now()
					""")
			.bind("page", pageId)
			.bind("app", appId)
			.bind("fields", fields.toArray(String[]::new))
			.then();
	}

	Mono<Void> unsubscribePage(String pageId, String appId) {
		return this.database.sql("DELETE FROM sandbox.page_subscriptions WHERE page_id = :page AND app_id = :app")
			.bind("page", pageId)
			.bind("app", appId)
			.then();
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
