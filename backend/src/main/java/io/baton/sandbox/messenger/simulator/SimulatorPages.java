package io.baton.sandbox.messenger.simulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxUsers;
import io.baton.sandbox.webhooks.Faults;
import io.baton.sandbox.webhooks.WebhookFailures;
import io.baton.sandbox.webhooks.WebhookFaults;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The simulator's pages: pick a person and a page, then chat as that person; the chat
 * shows what the page sent (text, quick replies, buttons, templates), who owns the
 * thread, and each subscribed app's webhook faults and recent errors.
 */
@Controller
@ConditionalOnSandbox
class SimulatorPages {

	private static final String HOME = "/sandbox/messenger";

	private final Simulator simulator;

	private final ChatView chats;

	private final SandboxUsers users;

	private final WebhookFaults faults;

	private final WebhookFailures failures;

	private final DatabaseClient database;

	SimulatorPages(Simulator simulator, ChatView chats, SandboxUsers users, WebhookFaults faults,
			WebhookFailures failures, DatabaseClient database) {
		this.simulator = simulator;
		this.chats = chats;
		this.users = users;
		this.faults = faults;
		this.failures = failures;
		this.database = database;
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
	}

	@GetMapping(HOME)
	Mono<Rendering> home() {
		return Mono.zip(this.users.recent().collectList(), pages().collectList())
			.map((found) -> Rendering.view("sandbox/messenger/home")
				.modelAttribute("people", found.getT1())
				.modelAttribute("pages", found.getT2())
				.build());
	}

	@PostMapping(HOME + "/people")
	Mono<Rendering> createPerson(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			String name = value(form, "name");
			if (name.isEmpty() || name.length() > 80) {
				return Mono.just(Rendering.redirectTo(HOME).build());
			}
			return this.users.create(name).thenReturn(Rendering.redirectTo(HOME).build());
		});
	}

	@GetMapping(HOME + "/chat")
	Mono<Rendering> chat(@RequestParam(defaultValue = "") String page, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String notice) {
		if (!page.matches("\\d+") || !person.matches("\\d+")) {
			return Mono.just(Rendering.redirectTo(HOME).build());
		}
		return this.chats.of(page, person)
			.flatMap((chat) -> Mono.zip(Mono.just(chat), apps(page).collectList(),
					topics(page, chat.psid()).collectList()))
			.map((found) -> Rendering.view("sandbox/messenger/chat")
				.modelAttribute("topics", found.getT3())
				.modelAttribute("page", page)
				.modelAttribute("person", person)
				.modelAttribute("notice", notice)
				.modelAttribute("chat", found.getT1())
				.modelAttribute("bubbles", found.getT1().messages().stream().map(Bubble::of).toList())
				.modelAttribute("apps", found.getT2())
				.build())
			.onErrorResume(SimulatorRefused.class, (refused) -> Mono.just(Rendering.redirectTo(HOME).build()));
	}

	@PostMapping(HOME + "/chat/{action:[a-z-]+}")
	Mono<Rendering> act(@PathVariable String action, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			String page = value(form, "page");
			String person = value(form, "person");
			Map<String, String> input = new LinkedHashMap<>();
			form.forEach((name, values) -> input.put(name, values.isEmpty() ? "" : values.get(0)));
			return this.simulator.act(page, person, action, input)
				.map((done) -> back(page, person, ""))
				.onErrorResume(SimulatorRefused.class,
						(refused) -> Mono.just(back(page, person, refused.getMessage())));
		});
	}

	@PostMapping(HOME + "/apps/{appId:\\d+}/faults")
	Mono<Rendering> setFaults(@PathVariable String appId, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			int delay;
			try {
				delay = Integer.parseInt(value(form, "delay_ms").isEmpty() ? "0" : value(form, "delay_ms"));
			}
			catch (NumberFormatException ex) {
				delay = 0;
			}
			Faults wanted = new Faults(delay, form.containsKey("duplicate"), form.containsKey("drop"));
			return this.faults.set(appId, wanted)
				.thenReturn(back(value(form, "page"), value(form, "person"), "Faults of app " + appId + " saved."));
		});
	}

	private Rendering back(String page, String person, String notice) {
		URI chat = UriComponentsBuilder.fromPath(HOME + "/chat")
			.queryParam("page", page)
			.queryParam("person", person)
			.queryParamIfPresent("notice",
					notice.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(notice))
			.encode()
			.build()
			.toUri();
		return Rendering.redirectTo(chat.toString()).build();
	}

	private reactor.core.publisher.Flux<Map<String, Object>> pages() {
		return this.database.sql(SimulatorRows.RECENT_PAGES)
			.map((row) -> Map.<String, Object>of("id", row.get("id", String.class), "name",
					row.get("name", String.class)))
			.all();
	}

	/** The person's recurring notification topics on the page. */
	private reactor.core.publisher.Flux<Map<String, Object>> topics(String page, String psid) {
		return this.database.sql(SimulatorRows.TOPICS)
			.bind("page", page)
			.bind("psid", psid)
			.map((row) -> Map.<String, Object>of("token", row.get("token", String.class), "title",
					row.get("title", String.class), "payload", row.get("payload", String.class), "frequency",
					row.get("frequency", String.class), "stopped",
					Boolean.TRUE.equals(row.get("stopped", Boolean.class))))
			.all();
	}

	/** The apps subscribed to the page, with their faults and recent errors. */
	private reactor.core.publisher.Flux<Map<String, Object>> apps(String page) {
		return this.database.sql(SimulatorRows.SUBSCRIBED_APPS)
			.bind("page", page)
			.map((row) -> Map.entry(row.get("app_id", String.class), row.get("name", String.class)))
			.all()
			.concatMap((app) -> Mono
				.zip(this.faults.of(app.getKey()), this.failures.recentErrors(app.getKey()).take(5).collectList())
				.map((found) -> Map.of("id", app.getKey(), "name", app.getValue(), "faults", found.getT1(), "errors",
						found.getT2())));
	}

	private static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

}
