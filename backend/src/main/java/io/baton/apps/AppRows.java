package io.baton.apps;

import java.time.Instant;
import java.util.Locale;

import io.r2dbc.spi.Readable;

import io.baton.graph.AppId;

/** The SQL of the {@code apps} table and the mapping of its rows. */
final class AppRows {

	private static final String COLUMNS = """
			app_id, name, secret_hint, verify_token, bot_endpoint, subscription_state, subscription_answer,
			subscription_at, auto_resubscribe, created_at""";

	static final String LIST = """
			SELECT %s FROM apps WHERE tenant_id = :tenant ORDER BY name, app_id
			""".formatted(COLUMNS);

	static final String FIND = """
			SELECT %s FROM apps WHERE tenant_id = :tenant AND app_id = :app
			""".formatted(COLUMNS);

	static final String INSERT = """
			INSERT INTO apps (app_id, tenant_id, name, secret_sealed, secret_hint, verify_token)
			VALUES (:app, :tenant, :name, :sealed, :hint, :verify)
			""";

	static final String UPDATE_SETTINGS = """
			UPDATE apps SET bot_endpoint = :endpoint, auto_resubscribe = :auto, updated_at = now()
			WHERE tenant_id = :tenant AND app_id = :app
			""";

	static final String UPDATE_SECRET = """
			UPDATE apps SET secret_sealed = :sealed, secret_hint = :hint, updated_at = now()
			WHERE tenant_id = :tenant AND app_id = :app
			""";

	static final String SET_SUBSCRIPTION = """
			UPDATE apps SET subscription_state = :state, subscription_answer = :answer, subscription_at = now()
			WHERE tenant_id = :tenant AND app_id = :app
			""";

	static final String DELETE = """
			DELETE FROM apps WHERE tenant_id = :tenant AND app_id = :app
			""";

	static final String SECRET = """
			SELECT secret_sealed FROM apps WHERE tenant_id = :tenant AND app_id = :app
			""";

	/** Every sealed secret of the tenant, locked until they are sealed again. */
	static final String SECRETS_TO_RESEAL = """
			SELECT app_id, secret_sealed FROM apps WHERE tenant_id = :tenant FOR UPDATE
			""";

	static final String RESEAL = """
			UPDATE apps SET secret_sealed = :sealed WHERE tenant_id = :tenant AND app_id = :app
			""";

	/** Across tenants, through the {@code SECURITY DEFINER} function, for webhooks. */
	static final String DIRECTORY = """
			SELECT tenant_id, verify_token, secret_sealed FROM app_directory(:app)
			""";

	private AppRows() {
	}

	static App app(Readable row, String callbackUrl) {
		return new App(new AppId(row.get("app_id", String.class)), row.get("name", String.class),
				row.get("secret_hint", String.class), row.get("verify_token", String.class), callbackUrl,
				row.get("bot_endpoint", String.class),
				App.SubscriptionState.valueOf(row.get("subscription_state", String.class).toUpperCase(Locale.ROOT)),
				row.get("subscription_answer", String.class), row.get("subscription_at", Instant.class),
				Boolean.TRUE.equals(row.get("auto_resubscribe", Boolean.class)), row.get("created_at", Instant.class));
	}

	static String state(App.SubscriptionState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

}
