package io.baton.sandbox.webhooks;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The app dashboard's "recent errors" and developer alerts: each failed POST, and what
 * Facebook told the developer when the endpoint kept failing.
 */
@Component
@ConditionalOnSandbox
public class WebhookFailures {

	private final DatabaseClient database;

	private final SandboxClock clock;

	private final WebhookSettings settings;

	WebhookFailures(DatabaseClient database, SandboxClock clock, WebhookSettings settings) {
		this.database = database;
		this.clock = clock;
		this.settings = settings;
	}

	Mono<Void> record(String appId, String url, @Nullable Integer status, String error) {
		return this.database.sql(WebhookRows.INSERT_ERROR)
			.bind("app", appId)
			.bind("at", this.clock.now())
			.bind("url", url)
			.bind("status",
					(status != null) ? org.springframework.r2dbc.core.Parameter.from(status)
							: org.springframework.r2dbc.core.Parameter.empty(Integer.class))
			.bind("error", error)
			.then()
			.then(this.database.sql(WebhookRows.TRIM_ERRORS)
				.bind("app", appId)
				.bind("keep", this.settings.recentErrors())
				.then());
	}

	Mono<Void> alert(String appId, String kind, String message) {
		return this.database.sql(WebhookRows.INSERT_ALERT)
			.bind("app", appId)
			.bind("kind", kind)
			.bind("at", this.clock.now())
			.bind("message", message)
			.then();
	}

	/** The app's recent failed deliveries, newest first. */
	public Flux<Map<String, Object>> recentErrors(String appId) {
		return this.database.sql(WebhookRows.RECENT_ERRORS)
			.bind("app", appId)
			.bind("limit", this.settings.recentErrors())
			.map((row) -> {
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("time", row.get("happened_at", OffsetDateTime.class).toInstant().toString());
				error.put("url", row.get("url", String.class));
				error.put("http_status", row.get("http_status", Integer.class));
				error.put("error", row.get("error", String.class));
				return error;
			})
			.all();
	}

	/** The developer alerts of the app, newest first. */
	public Flux<Map<String, Object>> alerts(String appId) {
		return this.database.sql(WebhookRows.ALERTS)

			.bind("app", appId)
			.map((row) -> {
				Map<String, Object> alert = new LinkedHashMap<>();
				alert.put("kind", row.get("kind", String.class));
				alert.put("time", row.get("happened_at", OffsetDateTime.class).toInstant().toString());
				alert.put("message", row.get("message", String.class));
				return alert;
			})
			.all();
	}

}
