package io.baton.apps;

import java.util.Locale;
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

/**
 * Sets an app's page webhook subscription at Graph (which first runs the verification
 * handshake against Baton) and keeps the outcome and Graph's answer on the app.
 */
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
		Map<String, Object> details = Map.of("state", outcome.state().name().toLowerCase(Locale.ROOT), "answer",
				outcome.answer());
		return this.transactions.inTenant(tenant, (db) -> db
			.sql("UPDATE apps SET subscription_state = :state, subscription_answer = :answer, subscription_at = now()"
					+ " WHERE tenant_id = :tenant AND app_id = :app")
			.bind("state", outcome.state().name().toLowerCase(Locale.ROOT))
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
