package io.baton.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import io.baton.graph.AppSubscription;
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
		return this.database.sql("SELECT tenant_id, app_id FROM claim_reconciliations(:before, :limit)")
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
				(db) -> db
					.sql("SELECT id, page_id, found_at, description, resolved_at, resolution FROM subscription_drift"
							+ " WHERE tenant_id = :tenant AND app_id = :app ORDER BY found_at DESC, id DESC LIMIT 20")
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.map((row) -> new Drift(row.get("id", Long.class), row.get("page_id", String.class),
							row.get("found_at", Instant.class), row.get("description", String.class),
							row.get("resolved_at", Instant.class), row.get("resolution", String.class)))
					.all());
	}

	private Mono<Void> reconcile(TenantId tenant, AppId appId, boolean restoreAnyway) {
		return this.apps.find(tenant, appId).zipWith(this.apps.secret(tenant, appId)).flatMap((appAndSecret) -> {
			App app = appAndSecret.getT1();
			Secret secret = appAndSecret.getT2();
			boolean restore = restoreAnyway || app.autoResubscribe();
			return checkApp(app, secret)
				.flatMap((problem) -> settle(tenant, app, null, problem,
						restore ? this.apps.resubscribe(tenant, appId).map(this::appOutcome) : null))
				.thenMany(this.tokens.validPages(tenant, appId)
					.concatMap((page) -> checkPage(tenant, app, page, secret, restore)))
				.then();
		});
	}

	private Mono<String> checkApp(App app, Secret secret) {
		List<String> needed = this.appsSettings.webhookFields();
		return this.graph.appToken(app.id(), secret)
			.flatMap((token) -> this.graph.appSubscriptions(app.id(), token, secret))
			.map((subscriptions) -> subscriptions.stream()
				.filter((subscription) -> "page".equals(subscription.object()))
				.findFirst()
				.map((subscription) -> appProblem(subscription, app, needed))
				.orElse("Facebook reports no page webhook subscription for the app."));
	}

	private String appProblem(AppSubscription subscription, App app, List<String> needed) {
		if (!subscription.active()) {
			return "The app's page webhook subscription is inactive.";
		}
		if (!subscription.callbackUrl().equals(app.callbackUrl())) {
			return "The app's webhooks go to " + subscription.callbackUrl() + ", not to Baton.";
		}
		List<String> missing = missing(needed, subscription.fields());
		return missing.isEmpty() ? "" : "The app's subscription lacks " + String.join(", ", missing) + ".";
	}

	private Mono<Void> checkPage(TenantId tenant, App app, PageId page, Secret secret, boolean restore) {
		List<String> needed = this.appsSettings.webhookFields();
		return this.tokens.tokenFor(tenant, app.id(), page)
			.flatMap((pageToken) -> this.pageGraph.subscribedApps(page, pageToken, secret)
				.map((subscribed) -> subscribed.stream()
					.filter((subscription) -> subscription.app().equals(app.id()))
					.findFirst()
					.map((subscription) -> {
						List<String> missing = missing(needed, subscription.fields());
						return missing.isEmpty() ? ""
								: "The page's subscription lacks " + String.join(", ", missing) + ".";
					})
					.orElse("The app is not subscribed to the page."))
				.flatMap(
						(problem) -> settle(tenant, app, page, problem, restore
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
	private Mono<Void> settle(TenantId tenant, App app, @Nullable PageId page, String problem,
			@Nullable Mono<String> restoration) {
		if (problem.isEmpty()) {
			return closeOpen(tenant, app.id(), page, "No longer found.");
		}
		Mono<Void> found = openIfNew(tenant, app.id(), page, problem);
		return (restoration == null) ? found
				: found.then(restoration).flatMap((outcome) -> closeOpen(tenant, app.id(), page, outcome));
	}

	private Mono<Void> openIfNew(TenantId tenant, AppId app, @Nullable PageId page, String problem) {
		return this.transactions.inTenant(tenant, (db) -> db
			.sql("INSERT INTO subscription_drift (tenant_id, app_id, page_id, description)"
					+ " SELECT :tenant, :app, :page, :description WHERE NOT EXISTS (SELECT 1 FROM subscription_drift"
					+ " WHERE tenant_id = :tenant AND app_id = :app AND page_id IS NOT DISTINCT FROM :page"
					+ " AND resolved_at IS NULL AND description = :description)")
			.bind("tenant", tenant.value())
			.bind("app", app.value())
			.bind("page", (page != null) ? page.value() : "")
			.bind("description", problem)
			.fetch()
			.rowsUpdated()
			.flatMap((inserted) -> (inserted > 0)
					? this.auditLog.recordBySystem(tenant, "subscription.drift_found",
							(page != null) ? page.value() : app.value(), Map.of("app", app.value(), "what", problem))
					: Mono.empty()));
	}

	private Mono<Void> closeOpen(TenantId tenant, AppId app, @Nullable PageId page, String resolution) {
		return this.transactions.inTenant(tenant,
				(db) -> db
					.sql("UPDATE subscription_drift SET resolved_at = now(), resolution = :resolution"
							+ " WHERE tenant_id = :tenant AND app_id = :app AND page_id IS NOT DISTINCT FROM :page"
							+ " AND resolved_at IS NULL")
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

	private static List<String> missing(List<String> needed, List<String> have) {
		List<String> missing = new ArrayList<>(needed);
		missing.removeAll(have);
		return missing;
	}

	private record Due(TenantId tenant, AppId app) {
	}

}
