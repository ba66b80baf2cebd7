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
		return this.database.sql(WebhookRows.FAULTS)
			.bind("app", appId)
			.map(WebhookRows::faults)
			.one()
			.defaultIfEmpty(Faults.NONE);
	}

	/** Sets the app's faults; the app must exist (empty otherwise). */
	public Mono<Faults> set(String appId, Faults faults) {
		return this.database.sql(WebhookRows.SET_FAULTS)

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
