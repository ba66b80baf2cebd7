package io.baton.onboarding.web;

import java.time.Duration;

import reactor.core.publisher.Mono;

import io.baton.apps.ApiKeys;
import io.baton.apps.Apps;
import io.baton.delivery.Endpoints;
import io.baton.graph.AppId;
import io.baton.ingress.WebhookHealth;
import io.baton.onboarding.PageOnboarding;
import io.baton.onboarding.SubscriptionReconciler;
import io.baton.platform.NotFound;
import io.baton.tenancy.CurrentTenant;
import io.baton.tokens.PageTokens;
import io.baton.web.Flash;
import io.baton.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * An app's own page: its registration and keys with what connects it to Facebook (the
 * Login redirect URI, subscription drift) and how its webhooks and bot fare; restoring
 * its subscriptions; deleting it, which unsubscribes it from its pages first. It lives in
 * onboarding because it gathers modules that come after {@code apps}.
 */
@Controller
class AppPageController {

	private final Apps apps;

	private final ApiKeys keys;

	private final PageOnboarding onboarding;

	private final SubscriptionReconciler reconciler;

	private final WebhookHealth health;

	private final Endpoints endpoints;

	private final PageTokens tokens;

	AppPageController(Apps apps, ApiKeys keys, PageOnboarding onboarding, SubscriptionReconciler reconciler,
			WebhookHealth health, Endpoints endpoints, PageTokens tokens) {
		this.tokens = tokens;
		this.apps = apps;
		this.keys = keys;
		this.onboarding = onboarding;
		this.reconciler = reconciler;
		this.health = health;
		this.endpoints = endpoints;
	}

	@GetMapping("/t/{tenantId}/apps/{appId}")
	Mono<String> detail(CurrentTenant current, @PathVariable String appId, Model model) {
		AppId app = app(appId);
		model.addAttribute("redirectUri", this.onboarding.redirectUri());
		return this.apps.find(current, app)
			.doOnNext((found) -> model.addAttribute("app", found))
			.then(this.keys.list(current, app).collectList())
			.doOnNext((list) -> model.addAttribute("keys", list))
			.thenMany(this.tokens.inventory(current).filter((token) -> token.app().equals(app)))
			.collectList()
			.doOnNext((list) -> model.addAttribute("pages", list))
			.thenMany(this.reconciler.drift(current, app))
			.collectList()
			.doOnNext((list) -> model.addAttribute("drift", list))
			.then(this.health.figures(current, app, Duration.ofHours(24)))
			.doOnNext((figures) -> model.addAttribute("intake", figures))
			.then(this.endpoints.health(current.id(), app))
			.doOnNext((endpoint) -> model.addAttribute("endpoint", endpoint))
			.thenReturn("apps/detail");
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/restore")
	Mono<String> restore(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return this.reconciler.restore(current, app)
			.then(Flash.success(exchange, "Subscriptions compared with Facebook's and restored where they differed."))
			.thenReturn(appPage(current, app));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/delete")
	Mono<String> delete(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return Forms.field(exchange, "confirmation")
			.flatMap((confirmation) -> this.apps.confirmDeletion(current, app, confirmation)
				.then(this.onboarding.disconnectAll(current, app))
				.then(this.apps.delete(current, app, confirmation)))
			.then(Flash.success(exchange, "App " + app + " deleted, after unsubscribing it from its pages."))
			.thenReturn("redirect:/t/" + current.id() + "/apps");
	}

	private static String appPage(CurrentTenant current, AppId app) {
		return "redirect:/t/" + current.id() + "/apps/" + app;
	}

	private static AppId app(String text) {
		return AppId.parse(text).orElseThrow(() -> new NotFound("No such app."));
	}

}
