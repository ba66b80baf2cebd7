package io.baton.onboarding;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.apps.App;
import io.baton.apps.Apps;
import io.baton.apps.AppsSettings;
import io.baton.graph.AppId;
import io.baton.graph.GraphClient;
import io.baton.graph.GraphFailure;
import io.baton.graph.PageGraph;
import io.baton.graph.PageId;
import io.baton.secrets.Secret;
import io.baton.platform.Repeating;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;
import io.baton.tokens.PageTokens;
import io.baton.tokens.TokenProblem;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Facebook silently drops an app whose webhook keeps failing, and a page subscribed
 * without {@code messaging_postbacks} never sees "Get Started". On a schedule, for each
 * app, this compares what Graph reports at the app and at each page with the fields Baton
 * needs, records every difference with its time, and restores the subscription at once
 * when the app says so (else staff restore it with one click).
 */
@Component
public class SubscriptionReconciler {

	private final DatabaseClient database;

	private final TenantTransactions transactions;

	private final Apps apps;

	private final GraphClient graph;

	private final PageGraph pageGraph;

	private final PageTokens tokens;

	private final AuditLog auditLog;

	private final AppsSettings appsSettings;

	private final ReconcilerSettings settings;

	private final Clock clock;

	private Disposable schedule = () -> {
	};

	SubscriptionReconciler(DatabaseClient database, TenantTransactions transactions, Apps apps, GraphClient graph,
			PageGraph pageGraph, PageTokens tokens, AuditLog auditLog, AppsSettings appsSettings,
			ReconcilerSettings settings, Clock clock) {
		this.database = database;
		this.transactions = transactions;
		this.apps = apps;
		this.graph = graph;
		this.pageGraph = pageGraph;
		this.tokens = tokens;
		this.auditLog = auditLog;
		this.appsSettings = appsSettings;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		this.schedule = Repeating.every(this.settings.runEvery(), "Subscription reconciliation", this::runOnce);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSchedule() {
		this.schedule.dispose();
	}

	/** Reconciles the apps that are due (claimed across tenants); answers how many. */
	public Mono<Long> runOnce() {
		return this.database.sql(DriftRows.CLAIM)
			.bind("before", this.clock.instant().minus(this.settings.every()))
			.bind("limit", this.settings.batch())
			.map((row) -> new Due(new TenantId(row.get("tenant_id", UUID.class)),
					new AppId(row.get("app_id", String.class))))
			.all()
			.concatMap((due) -> reconcile(due.tenant(), due.app(), false).onErrorResume(GraphFailure.class,
					(failure) -> Mono.empty()))
			.count();
	}

	/** Staff's one click: compare now and restore whatever differs. */
	public Mono<Void> restore(CurrentTenant current, AppId app) {
		current.requireMemberManagement();
		return this.apps.find(current, app).then(reconcile(current.id(), app, true));
	}

	/** Recent differences for the app, newest first. */
	public Flux<Drift> drift(CurrentTenant current, AppId app) {
		return this.transactions.inTenantMany(current.id(),
				(db) -> db.sql(DriftRows.RECENT)
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.map(DriftRows::drift)
					.all());
	}

	private Mono<Void> reconcile(TenantId tenant, AppId appId, boolean restoreAnyway) {
		return this.apps.find(tenant, appId)
			.zipWith(this.apps.secret(tenant, appId), AppWithSecret::new)
			.flatMap((found) -> reconcile(tenant, found.app(), found.secret(),
					restoreAnyway || found.app().autoResubscribe()));
	}

	private Mono<Void> reconcile(TenantId tenant, App app, Secret secret, boolean restore) {
		return checkApp(app, secret)
			.flatMap((difference) -> settle(tenant, app, null, difference,
					restore ? this.apps.resubscribe(tenant, app.id()).map(this::appOutcome) : null))
			.thenMany(this.tokens.validPages(tenant, app.id())
				.concatMap((page) -> checkPage(tenant, app, page, secret, restore)))
			.then();
	}

	private Mono<Difference> checkApp(App app, Secret secret) {
		return this.graph.appToken(app.id(), secret)
			.flatMap((token) -> this.graph.appSubscriptions(app.id(), token, secret))
			.map((subscriptions) -> Difference.atApp(subscriptions, app.callbackUrl(),
					this.appsSettings.webhookFields()));
	}

	private Mono<Void> checkPage(TenantId tenant, App app, PageId page, Secret secret, boolean restore) {
		List<String> needed = this.appsSettings.webhookFields();
		return this.tokens.tokenFor(tenant, app.id(), page)
			.flatMap(
					(pageToken) -> this.pageGraph.subscribedApps(page, pageToken, secret)
						.map((subscribed) -> Difference.atPage(subscribed, app.id(), needed))
						.flatMap((difference) -> settle(tenant, app, page, difference, restore
								? this.pageGraph.subscribe(page, pageToken, secret, needed)
									.thenReturn("Restored automatically.")
									.onErrorResume(GraphFailure.class,
											(failure) -> Mono
												.just("Restoring failed: Graph error " + failure.code() + "."))
								: null)))
			.onErrorResume(GraphFailure.class, (failure) -> {
				TokenProblem problem = TokenProblem.of(failure.code(), failure.subcode());
				return (problem != null) ? this.tokens.markInvalid(tenant, app.id(), page, problem) : Mono.empty();
			});
	}

	/**
	 * Records a difference (once while it lasts) and its restoration, or closes the open
	 * ones when there is none.
	 */
	private Mono<Void> settle(TenantId tenant, App app, @Nullable PageId page, Difference difference,
			@Nullable Mono<String> restoration) {
		if (difference.isNone()) {
			return closeOpen(tenant, app.id(), page, "No longer found.");
		}
		Mono<Void> found = openIfNew(tenant, app.id(), page, difference.description());
		return (restoration == null) ? found
				: found.then(restoration).flatMap((outcome) -> closeOpen(tenant, app.id(), page, outcome));
	}

	private Mono<Void> openIfNew(TenantId tenant, AppId app, @Nullable PageId page, String problem) {
		return this.transactions
			.inTenant(tenant, (db) -> db.sql(DriftRows.OPEN)
				.bind("tenant", tenant.value())
				.bind("app", app.value())
				.bind("page", (page != null) ? page.value() : "")
				.bind("description", problem)
				.fetch()
				.rowsUpdated()
				.flatMap((inserted) -> (inserted > 0) ? this.auditLog.recordBySystem(tenant, "subscription.drift_found",
						(page != null) ? page.value() : app.value(), Map.of("app", app.value(), "what", problem))
						: Mono.empty()));
	}

	private Mono<Void> closeOpen(TenantId tenant, AppId app, @Nullable PageId page, String resolution) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(DriftRows.CLOSE)
					.bind("resolution", resolution)
					.bind("tenant", tenant.value())
					.bind("app", app.value())
					.bind("page", (page != null) ? page.value() : "")
					.then());
	}

	private String appOutcome(App app) {
		return (app.subscriptionState() == App.SubscriptionState.SUBSCRIBED) ? "Restored automatically."
				: "Restoring failed: " + app.subscriptionAnswer();
	}

	private record Due(TenantId tenant, AppId app) {
	}

	private record AppWithSecret(App app, Secret secret) {
	}

}
