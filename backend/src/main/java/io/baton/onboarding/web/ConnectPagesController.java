package io.baton.onboarding.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.onboarding.PageOnboarding;
import io.baton.onboarding.PendingConnection;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * "Connect Pages": Facebook Login for the app, page selection, the outcome per page; the
 * token inventory; disconnecting a page. The connection in progress lives in the web
 * session, bound to the Login {@code state}.
 */
@Controller
class ConnectPagesController {

	private static final String PENDING = "baton.onboarding.pending";

	private final PageOnboarding onboarding;

	private final TenantManagement tenants;

	ConnectPagesController(PageOnboarding onboarding, TenantManagement tenants) {
		this.onboarding = onboarding;
		this.tenants = tenants;
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/connect")
	Mono<String> start(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.onboarding.start(current, app(appId), form.containsKey("again"),
					PageId.parse(nonNull(form.getFirst("page"))).orElse(null)))
			.flatMap((started) -> exchange.getSession()
				.doOnNext((session) -> session.getAttributes().put(PENDING, started.pending()))
				.thenReturn("redirect:" + started.dialogUrl()));
	}

	@GetMapping(PageOnboarding.CALLBACK_PATH)
	Mono<String> callback(SignedInUser user, ServerWebExchange exchange) {
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		String state = nonNull(query.getFirst("state"));
		return exchange.getSession()
			.flatMap((session) -> pending(session, state, user)
				.flatMap((pending) -> this.tenants.enter(user, pending.tenant())
					.switchIfEmpty(Mono.error(() -> new NotFound("No such tenant.")))
					.flatMap((current) -> query.containsKey("error") ? cancelled(exchange, current, pending)
							: this.onboarding.complete(current, pending, nonNull(query.getFirst("code")))
								.doOnNext((offered) -> session.getAttributes().put(PENDING, offered))
								.thenReturn(appPath(current, pending.app()) + "/connect?state=" + state)
								.map((path) -> "redirect:" + path))));
	}

	@GetMapping("/t/{tenantId}/apps/{appId}/connect")
	Mono<String> choose(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange, Model model) {
		String state = nonNull(exchange.getRequest().getQueryParams().getFirst("state"));
		return exchange.getSession()
			.flatMap((session) -> pendingFor(session, state, current, app(appId)))
			.doOnNext((pending) -> model.addAttribute("pending", pending))
			.thenReturn("onboarding/connect");
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/connect/pages")
	Mono<String> connect(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange, Model model) {
		return exchange.getFormData().zipWith(exchange.getSession(), FormInSession::new).flatMap((posted) -> {
			MultiValueMap<String, String> form = posted.form();
			WebSession session = posted.session();
			Set<String> chosen = new HashSet<>(form.getOrDefault("page", List.of()));
			return pendingFor(session, nonNull(form.getFirst("state")), current, app(appId)).flatMap((
					pending) -> this.onboarding.connect(current, pending, chosen).collectList().doOnNext((outcomes) -> {
						session.getAttributes().remove(PENDING);
						model.addAttribute("outcomes", outcomes);
						model.addAttribute("appId", pending.app());
					}));
		}).thenReturn("onboarding/connected");
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/pages/{pageId}/disconnect")
	Mono<String> disconnect(CurrentTenant current, @PathVariable String appId, @PathVariable String pageId,
			ServerWebExchange exchange) {
		PageId page = PageId.parse(pageId).orElseThrow(() -> new NotFound("No such page."));
		return this.onboarding.disconnect(current, app(appId), page)
			.flatMap((answer) -> Flash.success(exchange, "Page " + page + " disconnected. " + answer))
			.thenReturn("redirect:/t/" + current.id() + "/pages");
	}

	private static Mono<String> cancelled(ServerWebExchange exchange, CurrentTenant current,
			PendingConnection pending) {
		return Flash
			.error(exchange,
					"Facebook Login was cancelled or permission was refused, so no page was connected."
							+ " Use Connect Pages to try again.")
			.thenReturn("redirect:" + appPath(current, pending.app()));
	}

	private static Mono<PendingConnection> pending(WebSession session, String state, SignedInUser user) {
		return Mono.justOrEmpty(session.<PendingConnection>getAttribute(PENDING))
			.filter((pending) -> pending.state().equals(state) && pending.startedBy().equals(user.id()))
			.switchIfEmpty(Mono.error(() -> new Rejected(
					"This page connection was not started in this browser session, or it expired. Start it again.")));
	}

	private static Mono<PendingConnection> pendingFor(WebSession session, String state, CurrentTenant current,
			AppId app) {
		return Mono.justOrEmpty(session.<PendingConnection>getAttribute(PENDING))
			.filter((pending) -> pending.state().equals(state) && pending.tenant().equals(current.id())
					&& pending.app().equals(app) && pending.startedBy().equals(current.userId()))
			.switchIfEmpty(Mono.error(() -> new NotFound("No page connection in progress; start it again.")));
	}

	private static String appPath(CurrentTenant current, AppId app) {
		return "/t/" + current.id() + "/apps/" + app;
	}

	private static AppId app(String text) {
		return AppId.parse(text).orElseThrow(() -> new NotFound("No such app."));
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	/** The form posted and the session it belongs to. */
	private record FormInSession(MultiValueMap<String, String> form, WebSession session) {
	}

}
