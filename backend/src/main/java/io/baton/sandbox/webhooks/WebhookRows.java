package io.baton.sandbox.webhooks;

import io.r2dbc.spi.Readable;

/**
 * The SQL of webhook delivery: the outbox ({@code webhook_apps}, {@code webhook_outbox}),
 * who hears a page, the failures and alerts the developer sees, and the faults injected
 * per app.
 */
final class WebhookRows {

	static final String INSERT_APP = """
			INSERT INTO sandbox.webhook_apps (app_id) VALUES (:app) ON CONFLICT DO NOTHING
			""";

	static final String INSERT_OUTBOX = """
			INSERT INTO sandbox.webhook_outbox (app_id, page_id, entry, created_at, next_attempt_at)
			VALUES (:app, :page, :entry, :now, :now)
			""";

	/**
	 * Leases every app whose oldest update is due and that no one else holds, for
	 * {@code :lease} seconds plus twice the app's injected delay.
	 */
	static final String CLAIM_APPS = """
			UPDATE sandbox.webhook_apps w
			SET leased_until = CAST(:now AS timestamptz) + make_interval(secs => :lease + w.delay_ms / 500.0)
			WHERE w.app_id IN (
			    SELECT a.app_id FROM sandbox.webhook_apps a
			    WHERE (a.leased_until IS NULL OR a.leased_until <= :now)
			      AND (SELECT o.next_attempt_at FROM sandbox.webhook_outbox o
			           WHERE o.app_id = a.app_id ORDER BY o.id LIMIT 1) <= :now
			    FOR UPDATE SKIP LOCKED)
			RETURNING w.app_id, w.delay_ms, w.duplicate, w.drop_updates""";

	static final String BATCH = """
			SELECT id, entry, attempts, created_at FROM sandbox.webhook_outbox WHERE app_id = :app
			ORDER BY id LIMIT :size
			""";

	static final String DELETE_UPDATES = """
			DELETE FROM sandbox.webhook_outbox WHERE id = ANY(:ids)
			""";

	/** The app is released and no longer failing. */
	static final String RESET_APP = """
			UPDATE sandbox.webhook_apps SET leased_until = NULL, failing_since = NULL, alerted_at = NULL
			WHERE app_id = :app
			""";

	static final String RETRY_UPDATES = """
			UPDATE sandbox.webhook_outbox SET attempts = attempts + 1, next_attempt_at = :next
			WHERE id = ANY(:ids)
			""";

	static final String APP_FAILED = """
			UPDATE sandbox.webhook_apps SET leased_until = NULL,
			failing_since = COALESCE(failing_since, :now) WHERE app_id = :app
			RETURNING failing_since, alerted_at
			""";

	static final String MARK_ALERTED = """
			UPDATE sandbox.webhook_apps SET alerted_at = :now WHERE app_id = :app
			""";

	static final String DROP_OLDER_THAN = """
			DELETE FROM sandbox.webhook_outbox WHERE app_id = :app AND created_at <= :limit
			""";

	static final String DROP_ALL = """
			DELETE FROM sandbox.webhook_outbox WHERE app_id = :app
			""";

	static final String RELEASE_APP = """
			UPDATE sandbox.webhook_apps SET leased_until = NULL WHERE app_id = :app
			""";

	/**
	 * The app's endpoint while it has an active app-level {@code object=page}
	 * subscription.
	 */
	static final String ENDPOINT = """
			SELECT s.callback_url, a.secret FROM sandbox.app_subscriptions s
			JOIN sandbox.apps a ON a.id = s.app_id WHERE s.app_id = :app AND s.object = 'page' AND s.active
			""";

	/** The apps subscribed to the page at both levels. */
	static final String SUBSCRIBERS = """
			SELECT s.app_id, s.subscribed_fields, a.fields FROM sandbox.page_subscriptions s
			JOIN sandbox.app_subscriptions a ON a.app_id = s.app_id AND a.object = 'page' AND a.active
			WHERE s.page_id = :page ORDER BY s.app_id
			""";

	static final String DISABLE_APP_SUBSCRIPTION = """
			UPDATE sandbox.app_subscriptions SET active = false, updated_at = now()
			WHERE app_id = :app AND object = 'page'
			""";

	static final String DELETE_PAGE_SUBSCRIPTIONS = """
			DELETE FROM sandbox.page_subscriptions WHERE app_id = :app
			""";

	static final String INSERT_ERROR = """
			INSERT INTO sandbox.webhook_errors (app_id, happened_at, url, http_status, error)
			VALUES (:app, :at, :url, :status, :error)
			""";

	/** Keeps the app's {@code :keep} newest errors. */
	static final String TRIM_ERRORS = """
			DELETE FROM sandbox.webhook_errors WHERE app_id = :app AND id NOT IN
			(SELECT id FROM sandbox.webhook_errors WHERE app_id = :app ORDER BY id DESC LIMIT :keep)
			""";

	static final String INSERT_ALERT = """
			INSERT INTO sandbox.webhook_alerts (app_id, kind, happened_at, message) VALUES (:app, :kind, :at, :message)
			""";

	static final String RECENT_ERRORS = """
			SELECT happened_at, url, http_status, error FROM sandbox.webhook_errors WHERE app_id = :app
			ORDER BY id DESC LIMIT :limit
			""";

	static final String ALERTS = """
			SELECT kind, happened_at, message FROM sandbox.webhook_alerts WHERE app_id = :app
			ORDER BY id DESC LIMIT 20
			""";

	static final String FAULTS = """
			SELECT delay_ms, duplicate, drop_updates FROM sandbox.webhook_apps WHERE app_id = :app
			""";

	/** Sets the app's faults, only if the app exists. */
	static final String SET_FAULTS = """
			INSERT INTO sandbox.webhook_apps (app_id, delay_ms, duplicate, drop_updates)
			SELECT id, :delay, :duplicate, :drop FROM sandbox.apps WHERE id = :app
			ON CONFLICT (app_id) DO UPDATE SET delay_ms = EXCLUDED.delay_ms,
			    duplicate = EXCLUDED.duplicate, drop_updates = EXCLUDED.drop_updates
			RETURNING app_id""";

	private WebhookRows() {
	}

	/**
	 * The faults of a row with {@code delay_ms}, {@code duplicate}, {@code drop_updates}.
	 */
	static Faults faults(Readable row) {
		return new Faults(row.get("delay_ms", Integer.class), Boolean.TRUE.equals(row.get("duplicate", Boolean.class)),
				Boolean.TRUE.equals(row.get("drop_updates", Boolean.class)));
	}

}
