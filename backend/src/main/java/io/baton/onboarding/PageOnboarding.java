package io.baton.onboarding;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.apps.Apps;
import io.baton.apps.AppsSettings;
import io.baton.graph.AppId;
import io.baton.graph.FacebookLogin;
import io.baton.graph.GraphFailure;
import io.baton.graph.PageAccount;
import io.baton.graph.PageGraph;
import io.baton.graph.PageId;
import io.baton.graph.Permission;
import io.baton.platform.BatonSettings;
import io.baton.secrets.Secret;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.Rejected;
import io.baton.tenancy.TenantTransactions;
import io.baton.tokens.PageTokens;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Connects Pages to an app as the Messenger Platform documents it: Facebook Login for the
 * app with the page permissions, a long-lived user token, every page of
 * {@code /me/accounts}, then for each chosen page its token in the vault and the app's
 * webhook subscription on it. Each page ends fully connected or not at all.
 */
@Service
public class PageOnboarding {

	public static final String CALLBACK_PATH = "/onboarding/callback";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Apps apps;

	private final FacebookLogin login;

	private final PageGraph pageGraph;

	private final PageTokens tokens;

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	private final OnboardingSettings settings;

	private final AppsSettings appsSettings;

	private final BatonSettings baton;

	private final Clock clock;

	PageOnboarding(Apps apps, FacebookLogin login, PageGraph pageGraph, PageTokens tokens,
			TenantTransactions transactions, AuditLog auditLog, OnboardingSettings settings, AppsSettings appsSettings,
			BatonSettings baton, Clock clock) {
		this.apps = apps;
		this.login = login;
		this.pageGraph = pageGraph;
		this.tokens = tokens;
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.settings = settings;
		this.appsSettings = appsSettings;
		this.baton = baton;
		this.clock = clock;
	}

	/** Starts a connection: the pending state to keep, and where to send the browser. */
	public Mono<Started> start(CurrentTenant current, AppId app, boolean askAgain, @Nullable PageId onlyPage) {
		current.requireMemberManagement();
		return this.apps.find(current, app).map((found) -> {
			String state = newState();
			PendingConnection pending = new PendingConnection(state, current.id(), app, current.userId(),
					this.clock.instant(), onlyPage, List.of(), List.of(), List.of());
			UriComponentsBuilder dialog = UriComponentsBuilder.fromUriString(this.settings.dialogUrl())
				.queryParam("client_id", app.value())
				.queryParam("redirect_uri", redirectUri())
				.queryParam("state", state)
				.queryParam("scope", String.join(",", this.settings.scopes()))
				.queryParam("response_type", "code");
			if (askAgain) {
				dialog.queryParam("auth_type", "rerequest");
			}
			return new Started(pending, dialog.encode().build().toUriString());
		});
	}

	/**
	 * The dialog came back with a code: exchanges it, trades the token for a long-lived
	 * one, and reads the permissions granted and every page offered.
	 */
	public Mono<PendingConnection> complete(CurrentTenant current, PendingConnection pending, String code) {
		if (this.clock.instant().isAfter(pending.startedAt().plus(this.settings.validity()))) {
			return Mono.error(new Rejected("That connection took too long; start again."));
		}
		return this.apps.secret(current, pending.app())
			.flatMap((secret) -> this.login.exchangeCode(pending.app(), secret, redirectUri(), code)
				.flatMap((token) -> this.login.longLived(pending.app(), secret, token.token()))
				.flatMap((longLived) -> offer(pending, longLived.token(), secret)))
			.onErrorMap(GraphFailure.class,
					(failure) -> new Rejected("Facebook refused to complete the login (Graph error " + failure.code()
							+ "): " + failure.getMessage()));
	}

	/**
	 * Connects every page a user token grants, without the dialog: for the demo, whose
	 * sandbox person hands Baton a token directly.
	 */
	public Flux<PageOutcome> connectAll(CurrentTenant current, AppId app, Secret userToken) {
		PendingConnection pending = new PendingConnection(newState(), current.id(), app, current.userId(),
				this.clock.instant(), null, List.of(), List.of(), List.of());
		return this.apps.secret(current, app)
			.flatMap((secret) -> offer(pending, userToken, secret))
			.flatMapMany((offered) -> connect(current, offered,
					offered.offered()
						.stream()
						.map((page) -> page.id().value())
						.collect(java.util.stream.Collectors.toSet())));
	}

	/** Connects each chosen page; one page's failure leaves the others as they end. */
	public Flux<PageOutcome> connect(CurrentTenant current, PendingConnection pending, Set<String> chosenPageIds) {
		current.requireMemberManagement();
		if (!pending.missing().isEmpty()) {
			return Flux.error(new Rejected("Facebook Login did not grant " + String.join(", ", pending.missing())
					+ "; Baton needs them to connect pages. Try again and keep them ticked."));
		}
		List<PageAccount> chosen = pending.offered()
			.stream()
			.filter((account) -> chosenPageIds.contains(account.id().value()))
			.toList();
		if (chosen.isEmpty()) {
			return Flux.error(new Rejected("Choose at least one page to connect."));
		}
		return this.apps.secret(current, pending.app())
			.flatMapMany((secret) -> Flux.fromIterable(chosen)
				.concatMap((account) -> connectOne(current, pending, account, secret)));
	}

	/**
	 * Disconnects the page from the app: removes the app's subscription on the page at
	 * Graph (as far as Facebook still accepts the token) and erases the token.
	 */
	public Mono<String> disconnect(CurrentTenant current, AppId app, PageId page) {
		current.requireMemberManagement();
		return this.tokens.tokenFor(current.id(), app, page)
			.zipWith(this.apps.secret(current, app), PageCredentials::new)
			.flatMap((credentials) -> this.pageGraph.unsubscribe(page, credentials.pageToken(), credentials.appSecret())
				.thenReturn("Unsubscribed at Facebook.")
				.onErrorResume(GraphFailure.class,
						(failure) -> Mono.just("Facebook did not accept the unsubscription (Graph error "
								+ failure.code() + "); the token is erased anyway.")))
			.flatMap((graphAnswer) -> this.tokens.erase(current, app, page)
				.then(releaseIfUnused(current, page))
				.then(this.auditLog.record(current, "page.disconnected", page.value(),
						Map.of("app", app.value(), "graph", graphAnswer)))
				.thenReturn(graphAnswer));
	}

	/** Disconnects every page of the app (before the app itself is deleted). */
	public Mono<Void> disconnectAll(CurrentTenant current, AppId app) {
		current.requireMemberManagement();
		return this.tokens.connectedPages(current.id(), app).concatMap((page) -> disconnect(current, app, page)).then();
	}

	public String redirectUri() {
		return this.baton.link(CALLBACK_PATH);
	}

	private Mono<PendingConnection> offer(PendingConnection pending, Secret userToken, Secret secret) {
		return this.login.permissions(userToken, secret)
			.zipWith(this.login.accounts(userToken, secret).collectList(),
					(permissions, pages) -> offer(pending, permissions, pages));
	}

	private PendingConnection offer(PendingConnection pending, List<Permission> permissions, List<PageAccount> pages) {
		List<String> granted = permissions.stream().filter(Permission::granted).map(Permission::name).toList();
		List<String> missing = new ArrayList<>(this.settings.requiredScopes());
		missing.removeAll(granted);
		return pending.withOffer(pages, granted, missing);
	}

	private Mono<PageOutcome> connectOne(CurrentTenant current, PendingConnection pending, PageAccount account,
			Secret appSecret) {
		List<String> fields = this.appsSettings.webhookFields();
		return claimPage(current, account).flatMap((claim) -> switch (claim) {
			case TAKEN -> Mono.just(new PageOutcome(account.id(), account.name(), false,
					"This page is already connected to another Baton tenant. Disconnect it there first."));
			case CLAIMED, ALREADY_OURS -> this.pageGraph.subscribe(account.id(), account.pageToken(), appSecret, fields)
				.then(this.tokens.store(current, pending.app(), account.id(), account.pageToken(), pending.granted(),
						fields))
				.then(this.auditLog.record(current, "page.connected", account.id().value(),
						Map.of("app", pending.app().value(), "name", account.name())))
				.thenReturn(new PageOutcome(account.id(), account.name(), true, "Connected and subscribed."))
				.onErrorResume(GraphFailure.class,
						(failure) -> releaseIfNew(current, account.id(), claim).thenReturn(new PageOutcome(account.id(),
								account.name(), false, "Facebook refused the webhook subscription (Graph error "
										+ failure.code() + "): " + failure.getMessage())));
		});
	}

	private Mono<Claim> claimPage(CurrentTenant current, PageAccount account) {
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(PageRows.INSERT_PAGE)
					.bind("page", account.id().value())
					.bind("tenant", current.id().value())
					.bind("name", account.name())
					.bind("category", account.category())
					.map((row) -> Claim.CLAIMED)
					.one()
					.switchIfEmpty(db.sql(PageRows.OWNED_PAGE)
						.bind("tenant", current.id().value())
						.bind("page", account.id().value())
						.map((row) -> (row.get(0, Long.class) > 0) ? Claim.ALREADY_OURS : Claim.TAKEN)
						.one()));
	}

	private Mono<Void> releaseIfNew(CurrentTenant current, PageId page, Claim claim) {
		return (claim == Claim.CLAIMED) ? releaseIfUnused(current, page) : Mono.empty();
	}

	private Mono<Void> releaseIfUnused(CurrentTenant current, PageId page) {
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(PageRows.RELEASE_IF_UNUSED)
					.bind("tenant", current.id().value())
					.bind("page", page.value())
					.then());
	}

	private static String newState() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private enum Claim {

		CLAIMED, ALREADY_OURS, TAKEN

	}

	/** A started connection and the Login dialog URL to send the browser to. */
	public record Started(PendingConnection pending, String dialogUrl) {
	}

	/** What Graph needs to act on a page for an app. */
	private record PageCredentials(Secret pageToken, Secret appSecret) {
	}

}
