package io.baton.apps.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.apps.ApiKeys;
import io.baton.apps.App;
import io.baton.apps.Apps;
import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.platform.Rejected;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.web.Flash;
import io.baton.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * A tenant's Facebook apps: registering, settings, webhook subscription, secret, API
 * keys. (The app's own page, which gathers its pages, drift and health, is onboarding's.)
 */
@Controller
class AppsController {

	private final Apps apps;

	private final ApiKeys keys;

	AppsController(Apps apps, ApiKeys keys) {
		this.apps = apps;
		this.keys = keys;
	}

	@GetMapping("/t/{tenantId}/apps")
	Mono<String> list(CurrentTenant current, Model model) {
		return this.apps.list(current)
			.collectList()
			.doOnNext((list) -> model.addAttribute("apps", list))
			.thenReturn("apps/list");
	}

	@PostMapping("/t/{tenantId}/apps")
	Mono<String> register(CurrentTenant current, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.apps.register(current, nonNull(form.getFirst("appId")),
					nonNull(form.getFirst("secret"))))
			.flatMap((app) -> subscriptionFlash(exchange, app).thenReturn(appPage(current, app.id())));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/settings")
	Mono<String> settings(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return exchange.getFormData()
			.flatMap((form) -> this.apps.update(current, app, nonNull(form.getFirst("botEndpoint")),
					form.containsKey("autoResubscribe")))
			.then(Flash.success(exchange, "Settings saved."))
			.thenReturn(appPage(current, app));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/subscribe")
	Mono<String> subscribe(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return this.apps.subscribe(current, app)
			.flatMap((found) -> subscriptionFlash(exchange, found))
			.thenReturn(appPage(current, app));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/secret")
	Mono<String> rotateSecret(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return Forms.field(exchange, "secret")
			.flatMap((secret) -> this.apps.rotateSecret(current, app, secret))
			.then(Flash.success(exchange, "App secret replaced."))
			.thenReturn(appPage(current, app));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/keys")
	Mono<String> createKey(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return exchange.getFormData()
			.flatMap((form) -> this.keys.create(current, app, nonNull(form.getFirst("name")),
					limitedTo(nonNull(form.getFirst("page")))))
			.flatMap((issued) -> Flash.withLink(exchange,
					"API key \"" + issued.key().name() + "\" created. Copy it now: Baton keeps only its hash.",
					issued.value()))
			.thenReturn(appPage(current, app));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/keys/{keyId}/revoke")
	Mono<String> revokeKey(CurrentTenant current, @PathVariable String appId, @PathVariable String keyId,
			ServerWebExchange exchange) {
		AppId app = app(appId);
		return this.keys.revoke(current, app, uuid(keyId))
			.then(Flash.success(exchange, "API key revoked."))
			.thenReturn(appPage(current, app));
	}

	private static Mono<Void> subscriptionFlash(ServerWebExchange exchange, App app) {
		return (app.subscriptionState() == App.SubscriptionState.SUBSCRIBED)
				? Flash.success(exchange, "Webhook subscription set. Facebook answered: " + app.subscriptionAnswer())
				: Flash.error(exchange,
						"The webhook subscription was not set. Facebook answered: " + app.subscriptionAnswer());
	}

	private static String appPage(CurrentTenant current, AppId app) {
		return "redirect:/t/" + current.id() + "/apps/" + app;
	}

	private static AppId app(String text) {
		return AppId.parse(text).orElseThrow(() -> new NotFound("No such app."));
	}

	/** The page a new key is limited to: none when the form leaves it empty. */
	private static @Nullable PageId limitedTo(String page) {
		if (page.isBlank()) {
			return null;
		}
		return PageId.parse(page).orElseThrow(() -> new Rejected("Choose one of the app's pages, or every page."));
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound("No such key.");
		}
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
