package io.baton.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baton.apps.App;
import io.baton.apps.Apps;
import io.baton.graph.AppId;
import io.baton.onboarding.PageOnboarding;
import io.baton.platform.BatonSettings;
import io.baton.secrets.Secret;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.tokens.PageTokens;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * At start-up in demo mode: makes sure the Demo Shop exists and, with the sandbox on,
 * that it has two Facebook apps connected to two pages of a sandbox person, each with the
 * sandbox's demo bot as its bot endpoint. The sandbox's world is arranged through its
 * console API over HTTP, like any script would; Baton's side goes through the same
 * registration and onboarding as staff.
 */
@Component
class DemoSetup {

	static final DemoApp SUPPORT_BOT = new DemoApp("1000000000000011", "Demo Support Bot", "demo-support-bot-secret",
			"primary_receiver");

	static final DemoApp LIVE_AGENTS = new DemoApp("1000000000000012", "Demo Live Agents", "demo-live-agents-secret",
			"secondary_receiver");

	static final List<DemoApp> APPS = List.of(SUPPORT_BOT, LIVE_AGENTS);

	static final String PERSON = "Dana Demo";

	static final List<String> PAGES = List.of("Demo Shoes", "Demo Hats");

	private static final List<String> PERMISSIONS = List.of("pages_messaging", "pages_show_list",
			"pages_manage_metadata");

	private static final Logger logger = LoggerFactory.getLogger(DemoSetup.class);

	private final DemoTenant demoTenant;

	private final Apps apps;

	private final PageOnboarding onboarding;

	private final PageTokens tokens;

	private final Environment environment;

	private final BatonSettings baton;

	private final WebClient sandbox;

	DemoSetup(DemoTenant demoTenant, Apps apps, PageOnboarding onboarding, PageTokens tokens, Environment environment,
			BatonSettings baton, WebClient.Builder http) {
		this.demoTenant = demoTenant;
		this.apps = apps;
		this.onboarding = onboarding;
		this.tokens = tokens;
		this.environment = environment;
		this.baton = baton;
		this.sandbox = http.baseUrl(baton.link("/sandbox/api")).build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void setUp() {
		if (!this.demoTenant.enabled()) {
			return;
		}
		boolean withSandbox = this.environment.getProperty("baton.sandbox.enabled", Boolean.class, true);
		this.demoTenant.ensure()
			.flatMap((owner) -> withSandbox ? connectedApps(owner) : Mono.empty())
			.subscribe(null, (ex) -> logger.warn("The demo's sandbox apps could not be set up: {}", ex.getMessage()));
	}

	/**
	 * Both demo apps registered and connected to the person's pages (once), with the
	 * handover roles a Page admin gives them on each page.
	 */
	Mono<Void> connectedApps(CurrentTenant owner) {
		return person().flatMap((person) -> pages(person).collectList()
			.flatMap((pages) -> Flux.fromIterable(APPS)
				.concatMap((app) -> connectedApp(owner, app, person, pages))
				.then(appRoles(pages))));
	}

	/**
	 * The support bot primary receiver and the live agents secondary on every demo page,
	 * so a person's message reaches the bot as {@code messaging} and the agents as
	 * {@code standby}. Set only where missing: each change sends {@code app_roles}.
	 */
	private Mono<Void> appRoles(List<String> pages) {
		return this.sandbox.get()
			.uri("/pages")
			.retrieve()
			.bodyToMono(JsonNode.class)
			.flatMapMany((body) -> Flux.fromIterable(body.path("data")))
			.filter((page) -> pages.contains(page.path("id").asString()))
			.concatMap((page) -> Flux.fromIterable(APPS)
				.filter((app) -> !hasRole(page, app))
				.concatMap((app) -> this.sandbox.put()
					.uri("/pages/{page}/app-roles/{app}", page.path("id").asString(), app.id())
					.bodyValue(Map.of("role", app.role()))
					.retrieve()
					.toBodilessEntity()))
			.then();
	}

	private static boolean hasRole(JsonNode page, DemoApp app) {
		for (JsonNode role : page.path("app_roles")) {
			if (app.id().equals(role.path("app_id").asString()) && app.role().equals(role.path("role").asString())) {
				return true;
			}
		}
		return false;
	}

	private Mono<Void> connectedApp(CurrentTenant owner, DemoApp app, String person, List<String> pages) {
		AppId id = new AppId(app.id());
		return post("/apps",
				Map.of("id", app.id(), "name", app.name(), "secret", app.secret(), "redirect_uris",
						List.of(this.onboarding.redirectUri())))
			.then(this.apps.find(owner, id)
				.onErrorResume(NotFound.class, (missing) -> this.apps.register(owner, app.id(), app.secret())))
			.flatMap((registered) -> pointAtDemoBot(owner, registered))
			.then(this.tokens.validPages(owner.id(), id).hasElements())
			.flatMap((connected) -> connected ? Mono.empty()
					: post("/users/" + person + "/tokens",
							Map.of("app_id", app.id(), "permissions", PERMISSIONS, "pages", pages))
						.flatMapMany((token) -> this.onboarding.connectAll(owner, id,
								new Secret(token.orElseThrow().path("access_token").asString())))
						.doOnNext((outcome) -> logger.info("Demo: {} on page {}: {}", app.name(), outcome.name(),
								outcome.message()))
						.then());
	}

	/**
	 * Gives the app the sandbox's demo bot as bot endpoint, unless someone set one, so
	 * that a message written in the simulator visibly reaches a bot.
	 */
	private Mono<App> pointAtDemoBot(CurrentTenant owner, App app) {
		if (app.botEndpoint() != null) {
			return Mono.just(app);
		}
		return this.apps.update(owner, app.id(), this.baton.link("/sandbox/demo-bot/" + app.id().value()),
				app.autoResubscribe());
	}

	private Mono<String> person() {
		return find("/users", PERSON).switchIfEmpty(
				post("/users", Map.of("name", PERSON)).map((created) -> created.orElseThrow().path("id").asString()));
	}

	private Flux<String> pages(String person) {
		return Flux.fromIterable(PAGES)
			.concatMap((name) -> find("/pages", name).switchIfEmpty(
					post("/pages", Map.of("name", name, "category", "Shopping & retail", "admins", List.of(person)))
						.map((created) -> created.orElseThrow().path("id").asString())));
	}

	private Mono<String> find(String list, String name) {
		return this.sandbox.get()
			.uri(list)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.flatMapMany((body) -> Flux.fromIterable(body.path("data")))
			.filter((item) -> name.equals(item.path("name").asString()))
			.map((item) -> item.path("id").asString())
			.next();
	}

	/** POSTs to the sandbox console; a conflict (it exists already) answers empty. */
	private Mono<Optional<JsonNode>> post(String path, Map<String, Object> body) {
		return this.sandbox.post()
			.uri(path)
			.bodyValue(body)
			.exchangeToMono((response) -> response.statusCode().isSameCodeAs(HttpStatusCode.valueOf(409))
					? Mono.just(Optional.<JsonNode>empty()) : response.statusCode().is2xxSuccessful()
							? response.bodyToMono(JsonNode.class).map(Optional::of) : response.createError());
	}

	/** A demo app, with the handover role it has on every demo page. */
	record DemoApp(String id, String name, String secret, String role) {

		@Override
		public String toString() {
			return "DemoApp[" + this.id + ", " + this.name + "]";
		}

	}

}
