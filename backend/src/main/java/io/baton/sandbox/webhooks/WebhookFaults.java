package io.baton.sandbox.webhooks;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The faults injected into each app's webhook delivery. */
@Component
@ConditionalOnSandbox
public class WebhookFaults {

	private final DatabaseClient database;

	WebhookFaults(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Faults> of(String appId) {
		return this.database
			.sql("SELECT delay_ms, duplicate, drop_updates FROM sandbox.webhook_apps WHERE app_id = :app")
			.bind("app", appId)
			.map((row) -> new Faults(row.get("delay_ms", Integer.class),
					Boolean.TRUE.equals(row.get("duplicate", Boolean.class)),
					Boolean.TRUE.equals(row.get("drop_updates", Boolean.class))))
			.one()
			.defaultIfEmpty(Faults.NONE);
	}

	/** Sets the app's faults; the app must exist (empty otherwise). */
	public Mono<Faults> set(String appId, Faults faults) {
		return this.database.sql("""
				INSERT INTO sandbox.webhook_apps (app_id, delay_ms, duplicate, drop_updates)
				SELECT id, :delay, :duplicate, :drop FROM sandbox.apps WHERE id = :app
				ON CONFLICT (app_id) DO UPDATE SET delay_ms = EXCLUDED.delay_ms,
				    duplicate = EXCLUDED.duplicate, drop_updates = EXCLUDED.drop_updates
				RETURNING app_id""")
			.bind("app", appId)
			.bind("delay", Math.max(0, Math.min(faults.delayMs(), 120_000)))
			.bind("duplicate", faults.duplicate())
			.bind("drop", faults.drop())
			.map((row) -> row.get("app_id", String.class))
			.one()
			.thenReturn(
					new Faults(Math.max(0, Math.min(faults.delayMs(), 120_000)), faults.duplicate(), faults.drop()));
	}

}
