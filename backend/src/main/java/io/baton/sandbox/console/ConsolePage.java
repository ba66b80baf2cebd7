package io.baton.sandbox.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's HTML: the world on one page, with forms for what the JSON API does. Each
 * form posts, then redirects back with what was done or what went wrong.
 */
@Controller
@ConditionalOnSandbox
class ConsolePage {

	private static final String HOME = "/sandbox/console";

	private final World world;

	private final WorldEvents events;

	private final DataDeletionRequests dataDeletion;

	ConsolePage(World world, WorldEvents events, DataDeletionRequests dataDeletion) {
		this.world = world;
		this.events = events;
		this.dataDeletion = dataDeletion;
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
	}

	@GetMapping(HOME)
	Mono<Rendering> show(@RequestParam(required = false) @Nullable String done,
			@RequestParam(required = false) @Nullable String problem) {
		return Mono
			.zip(this.world.users().collectList(), this.world.pages().collectList(), this.world.apps().collectList(),
					this.events.faults().collectList())
			.map((world) -> Rendering.view("sandbox/console/index")
				.modelAttribute("users", world.getT1())
				.modelAttribute("pages", world.getT2())
				.modelAttribute("apps", world.getT3())
				.modelAttribute("faults", world.getT4())
				.modelAttribute("kinds", io.baton.sandbox.faults.GraphFault.KINDS)
				.modelAttribute("done", (done != null) ? done : "")
				.modelAttribute("problem", (problem != null) ? problem : "")
				.build());
	}

	@PostMapping(HOME + "/users")
	Mono<Rendering> createUser(ServerWebExchange exchange) {
		return form(exchange).flatMap((form) -> this.world.createUser(value(form, "name")))
			.map((user) -> done("Created " + user.get("name") + " (" + user.get("id") + ")"));
	}

	@PostMapping(HOME + "/pages")
	Mono<Rendering> createPage(ServerWebExchange exchange) {
		return form(exchange)
			.flatMap((form) -> this.world.createPage(value(form, "name"), value(form, "category"),
					form.getOrDefault("admin", List.of())))
			.map((page) -> done("Created page " + page.get("name") + " (" + page.get("id") + ")"));
	}

	@PostMapping(HOME + "/apps")
	Mono<Rendering> createApp(ServerWebExchange exchange) {
		return form(exchange)
			.flatMap((form) -> this.world.createApp(value(form, "id"), value(form, "name"), value(form, "secret"),
					lines(value(form, "redirect_uris")), "on".equals(form.getFirst("appsecret_proof_required")),
					value(form, "category"), value(form, "link")))
			.map((app) -> done("Created app " + app.get("id") + " with secret " + app.get("secret")));
	}

	@PostMapping(HOME + "/roles")
	Mono<Rendering> role(ServerWebExchange exchange) {
		return form(exchange).flatMap((form) -> {
			String page = value(form, "page_id");
			String user = value(form, "user_id");
			if ("take".equals(form.getFirst("action"))) {
				return this.events.roleLost(page, user).map((ended) -> done("Role taken; " + ended));
			}
			return this.world.giveRole(page, user, List.of()).thenReturn(done("Role given"));
		});
	}

	@PostMapping(HOME + "/app-roles")
	Mono<Rendering> appRole(ServerWebExchange exchange) {
		return form(exchange).flatMap((form) -> {
			String role = value(form, "role");
			return ("none".equals(role) ? this.world.removeAppRole(value(form, "page_id"), value(form, "app_id")).then()
					: this.world.setAppRole(value(form, "page_id"), value(form, "app_id"), role))
				.thenReturn(done("App role set"));
		});
	}

	@PostMapping(HOME + "/events")
	Mono<Rendering> event(ServerWebExchange exchange) {
		return form(exchange).flatMap((form) -> {
			String user = value(form, "user_id");
			String app = value(form, "app_id");
			return switch (value(form, "event")) {
				case "password" -> this.events.passwordChanged(user);
				case "remove_app" -> this.events.appRemoved(user, app);
				case "revoke" -> this.events.permissionRevoked(user, app, value(form, "permission"));
				case "expire" -> this.events.expire(value(form, "token"), user);
				default -> Mono.<Map<String, Object>>error(WorldRefused.badInput("Unknown event"));
			};
		}).map((ended) -> done("Done; " + ended));
	}

	@PostMapping(HOME + "/data-deletion")
	Mono<Rendering> dataDeletion(ServerWebExchange exchange) {
		return form(exchange).flatMap((form) -> this.dataDeletion.send(value(form, "user_id"), value(form, "app_id")))
			.map((answer) -> done(
					"Data deletion request sent; the app answered " + answer.get("status") + " " + answer.get("body")));
	}

	@PostMapping(HOME + "/faults")
	Mono<Rendering> addFault(ServerWebExchange exchange) {
		return form(exchange).flatMap((form) -> {
			boolean page = "page".equals(form.getFirst("target"));
			String id = value(form, "target_id");
			return this.events.addFault(page ? null : id, page ? id : null, value(form, "kind"),
					number(value(form, "calls")), number(value(form, "seconds")), null);
		}).map((fault) -> done("Fault " + fault.get("id") + " added"));
	}

	@PostMapping(HOME + "/faults/{id}/delete")
	Mono<Rendering> removeFault(@PathVariable String id) {
		return Mono.defer(() -> this.events.removeFault(id)).thenReturn(done("Fault " + id + " removed"));
	}

	@ExceptionHandler
	Rendering refused(WorldRefused refused) {
		return back("problem", refused.getMessage());
	}

	private static Mono<MultiValueMap<String, String>> form(ServerWebExchange exchange) {
		return exchange.getFormData();
	}

	private static String value(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return (value != null) ? value.strip() : "";
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("[\\s,]+")).filter((line) -> !line.isBlank()).toList();
	}

	private static @Nullable Integer number(String text) {
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[0-9]{1,9}")) {
			throw WorldRefused.badInput("Not a number: " + text);
		}
		return Integer.valueOf(text);
	}

	private static Rendering done(String message) {
		return back("done", message);
	}

	private static Rendering back(String kind, String message) {
		return Rendering
			.redirectTo(UriComponentsBuilder.fromPath(HOME)
				.queryParam(kind, "{message}")
				.encode()
				.buildAndExpand(message)
				.toUriString())
			.build();
	}

}
