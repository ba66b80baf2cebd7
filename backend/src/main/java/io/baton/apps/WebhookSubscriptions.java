package io.baton.apps;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.graph.GraphClient;
import io.baton.graph.GraphFailure;
import io.baton.secrets.Secret;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Component;

/**
 * Sets an app's page webhook subscription at Graph (which first runs the verification
 * handshake against Baton) and keeps the outcome and Graph's answer on the app.
 */
@Component
class WebhookSubscriptions {

	private final TenantTransactions transactions;

	private final GraphClient graph;

	private final AuditLog auditLog;

	private final AppsSettings settings;

	WebhookSubscriptions(TenantTransactions transactions, GraphClient graph, AuditLog auditLog, AppsSettings settings) {
		this.transactions = transactions;
		this.graph = graph;
		this.auditLog = auditLog;
		this.settings = settings;
	}

	/**
	 * Sets the subscription and records the outcome, by a member or (actor null) by
	 * Baton.
	 */
	Mono<Void> set(TenantId tenant, @Nullable CurrentTenant actor, App app, Secret secret) {
		return subscribeAtGraph(app, secret).flatMap((outcome) -> recordSubscription(tenant, actor, app.id(), outcome));
	}

	private Mono<Outcome> subscribeAtGraph(App app, Secret secret) {
		return this.graph.appToken(app.id(), secret)
			.flatMap((token) -> this.graph.subscribeApp(app.id(), token, secret, app.callbackUrl(), app.verifyToken(),
					this.settings.webhookFields()))
			.thenReturn(new Outcome(App.SubscriptionState.SUBSCRIBED,
					"Subscribed to " + String.join(", ", this.settings.webhookFields()) + "."))
			.onErrorResume(GraphFailure.class, (failure) -> Mono.just(new Outcome(App.SubscriptionState.FAILED,
					"Graph error " + failure.code() + ": " + failure.getMessage())));
	}

	private Mono<Void> recordSubscription(TenantId tenant, @Nullable CurrentTenant actor, AppId app, Outcome outcome) {
		Map<String, Object> details = Map.of("state", AppRows.state(outcome.state()), "answer", outcome.answer());
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(AppRows.SET_SUBSCRIPTION)
					.bind("state", AppRows.state(outcome.state()))
					.bind("answer", outcome.answer())
					.bind("tenant", tenant.value())
					.bind("app", app.value())
					.fetch()
					.rowsUpdated()
					.then((actor != null) ? this.auditLog.record(actor, "app.subscription_set", app.value(), details)
							: this.auditLog.recordBySystem(tenant, "app.subscription_set", app.value(), details)));
	}

	private record Outcome(App.SubscriptionState state, String answer) {
	}

}
