package io.baton.sandbox.demobot;

import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The demo bot's page: each sandbox app's bot endpoint, its mode with buttons to change
 * it, and the newest requests it received.
 */
@Controller
@ConditionalOnSandbox
class DemoBotPage {

	private static final String HOME = "/sandbox/demo-bot";

	private static final int SHOWN = 20;

	private final SandboxApps apps;

	private final Receipts receipts;

	DemoBotPage(SandboxApps apps, Receipts receipts) {
		this.apps = apps;
		this.receipts = receipts;
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
	}

	@GetMapping(HOME)
	Mono<Rendering> show(ServerWebExchange exchange) {
		String origin = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
			.replacePath(HOME)
			.replaceQuery(null)
			.fragment(null)
			.toUriString();
		return this.apps.all()
			.collectList()
			.flatMap((apps) -> Mono.zip(this.receipts.modes(),
					this.receipts.latestOfEach(apps.stream().map(SandboxApp::id).toList(), SHOWN),
					(modes, latest) -> apps.stream().map((app) -> bot(app, origin, modes, latest)).toList()))
			.map((bots) -> Rendering.view("sandbox/demo-bot/index").modelAttribute("bots", bots).build());
	}

	@PostMapping(HOME + "/{appId:\\d+}/mode")
	Mono<Rendering> setMode(@PathVariable String appId, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> Mono.justOrEmpty(Mode.parse(String.valueOf(form.getFirst("mode")))))
			.flatMap((mode) -> this.receipts.setMode(appId, mode))
			.thenReturn(back(appId));
	}

	@PostMapping(HOME + "/{appId:\\d+}/clear")
	Mono<Rendering> clear(@PathVariable String appId) {
		return this.receipts.clear(appId).thenReturn(back(appId));
	}

	private static Bot bot(SandboxApp app, String home, Map<String, Mode> modes, Map<String, List<Receipt>> latest) {
		return new Bot(app.id(), app.name(), home + "/" + app.id(), modes.getOrDefault(app.id(), Mode.OK).value(),
				latest.getOrDefault(app.id(), List.of()));
	}

	private static Rendering back(String appId) {
		return Rendering.redirectTo(HOME + "#app-" + appId).build();
	}

	/**
	 * One app's demo bot as the page shows it.
	 *
	 * @param appId the app
	 * @param name its name
	 * @param endpoint the URL to give Baton as the app's bot endpoint
	 * @param mode {@code ok}, {@code fail} or {@code slow}
	 * @param receipts the newest requests, newest first
	 */
	record Bot(String appId, String name, String endpoint, String mode, List<Receipt> receipts) {

	}

}
