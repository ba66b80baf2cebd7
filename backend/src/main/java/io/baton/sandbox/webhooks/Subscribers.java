package io.baton.sandbox.webhooks;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Who hears a page: apps subscribed to it at the page level that also have an active
 * app-level {@code object=page} subscription; and disabling an app whose webhook failed
 * too long.
 */
@Component
@ConditionalOnSandbox
class Subscribers {

	private final DatabaseClient database;

	Subscribers(DatabaseClient database) {
		this.database = database;
	}

	Flux<Subscriber> of(String pageId) {
		return this.database.sql(WebhookRows.SUBSCRIBERS).bind("page", pageId).map(Subscribers::subscriber).all();
	}

	/**
	 * Facebook's answer to a webhook failing for too long: the app-level subscription is
	 * disabled and the app leaves every page; it must add the webhook and subscribe each
	 * page again.
	 */
	Mono<Void> disable(String appId) {
		return this.database.sql(WebhookRows.DISABLE_APP_SUBSCRIPTION)
			.bind("app", appId)
			.then()
			.then(this.database.sql(WebhookRows.DELETE_PAGE_SUBSCRIPTIONS)

				.bind("app", appId)
				.then());
	}

	private static Subscriber subscriber(Readable row) {
		Set<String> fields = new LinkedHashSet<>(list(row.get("subscribed_fields", String[].class)));
		fields.retainAll(list(row.get("fields", String[].class)));
		return new Subscriber(row.get("app_id", String.class), fields);
	}

	private static java.util.List<String> list(String @org.jspecify.annotations.Nullable [] values) {
		return (values != null) ? Arrays.asList(values) : java.util.List.of();
	}

}
