package io.baton.sandbox.subscriptions;

/** The SQL of webhook subscriptions, at the app level and at the page level. */
final class SubscriptionRows {

	private static final String APP_COLUMNS = """
			SELECT app_id, object, callback_url, verify_token, fields, include_values, active, api_version
			FROM sandbox.app_subscriptions
			""";

	static final String APP_SUBSCRIPTIONS = APP_COLUMNS + """
			WHERE app_id = :app ORDER BY object
			""";

	static final String APP_SUBSCRIPTION = APP_COLUMNS + """
			WHERE app_id = :app AND object = :object
			""";

	static final String SAVE_APP_SUBSCRIPTION = """
			INSERT INTO sandbox.app_subscriptions
			    (app_id, object, callback_url, verify_token, fields, include_values, active, api_version)
			VALUES (:app, :object, :callback, :verifyToken, :fields, :includeValues, true, :version)
			ON CONFLICT (app_id, object) DO UPDATE SET callback_url = EXCLUDED.callback_url,
			    verify_token = EXCLUDED.verify_token, fields = EXCLUDED.fields,
			    include_values = EXCLUDED.include_values, active = true, api_version = EXCLUDED.api_version,
			    updated_at = now()
			""";

	/** An empty {@code :object} deletes every object's subscription of the app. */
	static final String DELETE_APP_SUBSCRIPTIONS = """
			DELETE FROM sandbox.app_subscriptions WHERE app_id = :app AND (:object = '' OR object = :object)
			""";

	private static final String PAGE_SUBSCRIPTIONS = """
			SELECT s.page_id, s.app_id, a.name, a.link, a.category, s.subscribed_fields
			FROM sandbox.page_subscriptions s JOIN sandbox.apps a ON a.id = s.app_id
			""";

	static final String APPS_OF_PAGE = PAGE_SUBSCRIPTIONS + """
			WHERE s.page_id = :page ORDER BY s.created_at, s.app_id
			""";

	static final String PAGES_OF_APP = PAGE_SUBSCRIPTIONS + """
			WHERE s.app_id = :app ORDER BY s.created_at, s.page_id
			""";

	static final String SUBSCRIBE_PAGE = """
			INSERT INTO sandbox.page_subscriptions (page_id, app_id, subscribed_fields) VALUES (:page, :app, :fields)
			ON CONFLICT (page_id, app_id) DO UPDATE SET subscribed_fields = EXCLUDED.subscribed_fields,
			    updated_at = now()
			""";

	static final String UNSUBSCRIBE_PAGE = """
			DELETE FROM sandbox.page_subscriptions WHERE page_id = :page AND app_id = :app
			""";

	private SubscriptionRows() {
	}

}
